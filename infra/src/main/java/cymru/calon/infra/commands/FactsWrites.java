package cymru.calon.infra.commands;

import cymru.calon.infra.store.TransactionMaps;
import cymru.calon.query.commands.GroupCommit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The writes of the command-side facts ({@link CommandSideFacts}). A command in a transaction of
 * its own writes at once. In a group of commands committed together ({@link GroupCommit}) the
 * writes wait in the group's transaction and go in as one batch per statement just before it
 * commits, or earlier, as soon as the facts tables are read in it ({@link JdbcFactsLookup} calls
 * {@link #flush} before any query): an import wrote three rows one round trip each per new episode.
 * Either way they commit with the group's events or not at all, and any failure fails the group,
 * which {@code GroupCommit} then applies one command a transaction.
 *
 * <p>Batched, the rows go in statement by statement in the order of {@link Statement}, not in the
 * order written. That order is the order of their dependencies, and rows of one statement keep
 * theirs: a service's row before the episodes that copy its organisation, a worker's before their
 * leaving, a person's before their consent and their forgetting. Rows of different statements
 * depend on nothing else, since every insert does nothing on a conflict and every update names a
 * row its aggregate created before.
 */
@Component
class FactsWrites {
  /** The facts statements, in the order a batch writes them. */
  enum Statement {
    SERVICE(
        "INSERT INTO service_facts (service_id, organisation_id, commissioner_id) VALUES (?, ?, ?)"
            + " ON CONFLICT (service_id) DO NOTHING"),
    WORKER_JOINED(
        "INSERT INTO worker_facts (worker_id, organisation_id, joined_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (worker_id) DO NOTHING"),
    WORKER_LEFT("UPDATE worker_facts SET left_at = ? WHERE worker_id = ?"),
    PERSON(
        "INSERT INTO person_facts (person_id, organisation_id) VALUES (?, ?)"
            + " ON CONFLICT (person_id) DO NOTHING"),
    CONSENT(
        "INSERT INTO person_consent_facts (person_id, scope, occurred_at, granted)"
            + " VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (person_id, scope, occurred_at) DO UPDATE SET granted = EXCLUDED.granted"),
    PERSON_FORGOTTEN("UPDATE person_facts SET forgotten_at = ? WHERE person_id = ?"),
    EPISODE(
        "INSERT INTO episode_facts (episode_id, service_id, organisation_id)"
            + " SELECT ?, service_id, organisation_id FROM service_facts WHERE service_id = ?"
            + " ON CONFLICT (episode_id) DO NOTHING"),
    EPISODE_PERSON(
        "INSERT INTO episode_person_facts (episode_id, person_id) VALUES (?, ?)"
            + " ON CONFLICT (episode_id) DO NOTHING");

    private final String sql;

    Statement(String sql) {
      this.sql = sql;
    }
  }

  private final Object pendingKey = new Object();
  private final JdbcTemplate jdbc;

  FactsWrites(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes one row of facts, now or with the current group. */
  void write(Statement statement, Object... arguments) {
    Map<Statement, List<Object[]>> pending =
        GroupCommit.inGroup()
            ? TransactionMaps.waiting(
                pendingKey, () -> new EnumMap<>(Statement.class), rows -> flush())
            : null;
    if (pending == null) {
      flush();
      jdbc.update(statement.sql, arguments);
      return;
    }
    pending.computeIfAbsent(statement, s -> new ArrayList<>()).add(arguments);
  }

  /** Writes the current transaction's waiting rows, if any. */
  void flush() {
    Map<Statement, List<Object[]>> pending = TransactionMaps.waitingIfAny(pendingKey);
    if (pending == null || pending.isEmpty()) {
      return;
    }
    // an EnumMap iterates in the statements' order
    for (Map.Entry<Statement, List<Object[]>> rows : pending.entrySet()) {
      jdbc.batchUpdate(rows.getKey().sql, rows.getValue());
    }
    pending.clear();
  }
}
