package cymru.calon.infra.commands;

import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code service_facts}, {@code worker_facts} and {@code episode_facts}, the command side's
 * own lookup tables. Runs in a subscribing processor, inside the transaction that appends the
 * events, and any failure here fails the command (see {@link CommandSideFactsConfiguration}): the
 * facts never lag the store.
 */
@Component
@ProcessingGroup(CommandSideFacts.GROUP)
class CommandSideFacts {
  static final String GROUP = "command-side-facts";

  private final JdbcTemplate jdbc;
  private final JdbcFactsLookup lookup;

  CommandSideFacts(JdbcTemplate jdbc, JdbcFactsLookup lookup) {
    this.jdbc = jdbc;
    this.lookup = lookup;
  }

  @EventHandler
  void on(ServiceCommissioned event) {
    jdbc.update(
        "INSERT INTO service_facts (service_id, organisation_id, commissioner_id) VALUES (?, ?, ?)"
            + " ON CONFLICT (service_id) DO NOTHING",
        event.serviceId().value(),
        event.organisationId().value(),
        event.commissionerId().value());
  }

  /** The episode's organisation is its service's, which the referral's rules found known. */
  @EventHandler
  void on(ReferralReceived event) {
    jdbc.update(
        "INSERT INTO episode_facts (episode_id, service_id, organisation_id)"
            + " SELECT ?, service_id, organisation_id FROM service_facts WHERE service_id = ?"
            + " ON CONFLICT (episode_id) DO NOTHING",
        event.episodeId().value(),
        event.serviceId().value());
  }

  @EventHandler
  void on(WorkerJoined event) {
    lookup.forget(event.workerId());
    jdbc.update(
        "INSERT INTO worker_facts (worker_id, organisation_id, joined_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (worker_id) DO NOTHING",
        event.workerId().value(),
        event.organisationId().value(),
        Timestamp.from(event.occurredAt()));
  }

  @EventHandler
  void on(WorkerLeft event) {
    lookup.forget(event.workerId());
    jdbc.update(
        "UPDATE worker_facts SET left_at = ? WHERE worker_id = ?",
        Timestamp.from(event.occurredAt()),
        event.workerId().value());
  }
}
