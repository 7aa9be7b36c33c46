package cymru.calon.infra.commands;

import cymru.calon.query.commands.BatchStart;
import cymru.calon.query.commands.ParsedCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotency log of a group of commands committed together ({@code GroupCommit}), kept in
 * memory while the group runs and written as one batch just before it commits: two round trips per
 * group (one read as it begins, one batch as it commits) instead of one or two per command.
 *
 * <p>As the group begins, the log rows already committed for its commands are read; a command whose
 * id is among them, or among those accepted earlier in the group, is a duplicate (or a reuse of the
 * id). Accepted commands' rows are inserted with the group's commit, in its transaction, so a row
 * commits with its command's events or not at all. A refused command leaves no row. If another
 * transaction (another Calon on the same database) committed a row for one of the group's commands
 * since the group began, the batch inserts fewer rows than it should: the commit fails, and the
 * group is applied again one command a transaction, where the usual insert-first log decides.
 */
@Component
class GroupCommandLog implements BatchStart {
  private static final Object KEY = new Object();

  private final JdbcTemplate jdbc;

  GroupCommandLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The log of the group whose transaction is current, or null outside a group. */
  static Log current() {
    return (Log) TransactionSynchronizationManager.getResource(KEY);
  }

  @Override
  public void begin(List<ParsedCommand> group) {
    Log log = new Log();
    List<UUID> ids =
        group.stream().map(ParsedCommand::commandId).filter(Objects::nonNull).distinct().toList();
    if (!ids.isEmpty()) {
      jdbc.query(
          knownRows(ids),
          row -> {
            log.known.put(row.getObject(1, UUID.class), row.getBytes(2));
          });
    }
    TransactionSynchronizationManager.bindResource(KEY, log);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            log.write(jdbc);
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
          }
        });
  }

  /**
   * The query for the group's committed rows, its ids written into it. Not a prepared statement
   * with an array parameter: the driver prepares a statement on the server once it has been used
   * five times, and PostgreSQL then keeps the generic plan it chose while {@code command_log} was
   * still small (a fresh store has no statistics until the first auto-analyze, a minute or more
   * into an import) — a sequential scan that compares every row with every id of the group, 60 ms a
   * group at 40,000 rows and growing. A query of its own is planned for the rows the table has. Ids
   * are {@link UUID}s, printed by {@link UUID#toString()}: nothing from the caller is spliced in as
   * text.
   */
  static String knownRows(List<UUID> ids) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT command_id, content_sha256 FROM command_log WHERE command_id IN (");
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "'" : ",'").append(ids.get(i).toString()).append("'::uuid");
    }
    return sql.append(')').toString();
  }

  static final class Log {
    /** Content hashes by command id: committed before the group began, or accepted in it. */
    private final Map<UUID, byte[]> known = new HashMap<>();

    private final List<Object[]> accepted = new ArrayList<>();

    /** The content hash logged for this command id, or null if it is new. */
    byte[] hashOf(UUID commandId) {
      return known.get(commandId);
    }

    /** For a command whose events are appended: its row commits with the group. */
    void accepted(UUID commandId, String type, byte[] hash) {
      known.put(commandId, hash);
      accepted.add(new Object[] {commandId, type, hash});
    }

    private void write(JdbcTemplate jdbc) {
      if (accepted.isEmpty()) {
        return;
      }
      int[] counts =
          jdbc.batchUpdate(
              "INSERT INTO command_log (command_id, command_type, content_sha256) VALUES (?, ?, ?)"
                  + " ON CONFLICT (command_id) DO NOTHING",
              accepted);
      int inserted = 0;
      for (int count : counts) {
        inserted += count;
      }
      if (inserted != accepted.size()) {
        throw new IllegalStateException(
            "Another transaction logged a command of this group since it began");
      }
    }
  }
}
