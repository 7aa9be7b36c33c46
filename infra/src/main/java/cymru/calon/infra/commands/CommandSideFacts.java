package cymru.calon.infra.commands;

import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.person.ConsentRecorded;
import cymru.calon.commands.api.person.PersonForgotten;
import cymru.calon.commands.api.person.PersonRegistered;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import cymru.calon.infra.privacy.PersonKeys;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code service_facts}, {@code worker_facts}, {@code episode_facts} and the person facts,
 * the command side's own lookup tables. Runs in a subscribing processor, inside the transaction
 * that appends the events, and any failure here fails the command (see {@link
 * CommandSideFactsConfiguration}): the facts never lag the store.
 */
@Component
@ProcessingGroup(CommandSideFacts.GROUP)
class CommandSideFacts {
  static final String GROUP = "command-side-facts";

  private final JdbcTemplate jdbc;
  private final JdbcFactsLookup lookup;
  private final PersonKeys keys;

  CommandSideFacts(JdbcTemplate jdbc, JdbcFactsLookup lookup, PersonKeys keys) {
    this.jdbc = jdbc;
    this.lookup = lookup;
    this.keys = keys;
  }

  @EventHandler
  void on(PersonRegistered event) {
    jdbc.update(
        "INSERT INTO person_facts (person_id, organisation_id) VALUES (?, ?)"
            + " ON CONFLICT (person_id) DO NOTHING",
        event.personId().value(),
        event.organisationId().value());
  }

  @EventHandler
  void on(ConsentRecorded event) {
    jdbc.update(
        "INSERT INTO person_consent_facts (person_id, scope, occurred_at, granted)"
            + " VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (person_id, scope, occurred_at) DO UPDATE SET granted = EXCLUDED.granted",
        event.personId().value(),
        event.scope().name(),
        Timestamp.from(event.occurredAt()),
        event.granted());
  }

  /** Erasure happens here: the key goes in the very transaction that records the forgetting. */
  @EventHandler
  void on(PersonForgotten event) {
    jdbc.update(
        "UPDATE person_facts SET forgotten_at = ? WHERE person_id = ?",
        Timestamp.from(event.occurredAt()),
        event.personId().value());
    keys.forget(event.personId());
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

  /**
   * The episode's organisation is its service's, which the referral's rules found known; its person
   * is the one referred.
   */
  @EventHandler
  void on(ReferralReceived event) {
    jdbc.update(
        "INSERT INTO episode_facts (episode_id, service_id, organisation_id)"
            + " SELECT ?, service_id, organisation_id FROM service_facts WHERE service_id = ?"
            + " ON CONFLICT (episode_id) DO NOTHING",
        event.episodeId().value(),
        event.serviceId().value());
    jdbc.update(
        "INSERT INTO episode_person_facts (episode_id, person_id) VALUES (?, ?)"
            + " ON CONFLICT (episode_id) DO NOTHING",
        event.episodeId().value(),
        event.personId().value());
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
