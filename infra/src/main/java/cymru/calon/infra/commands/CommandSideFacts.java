package cymru.calon.infra.commands;

import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.person.ConsentRecorded;
import cymru.calon.commands.api.person.PersonForgotten;
import cymru.calon.commands.api.person.PersonRegistered;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import cymru.calon.commands.model.person.PersonFacts;
import cymru.calon.infra.privacy.PersonKeys;
import java.sql.Timestamp;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code service_facts}, {@code worker_facts}, {@code episode_facts} and the person facts,
 * the command side's own lookup tables. Runs in a subscribing processor, inside the transaction
 * that appends the events, and any failure here fails the command (see {@link
 * CommandSideFactsConfiguration}): the facts never lag the store. In a group of commands committed
 * together the rows are written with the group ({@link FactsWrites}), and what a new person or
 * episode's facts are is told to the lookup, so the group's later commands about them need no
 * query.
 */
@Component
@ProcessingGroup(CommandSideFacts.GROUP)
class CommandSideFacts {
  static final String GROUP = "command-side-facts";

  private final FactsWrites writes;
  private final JdbcFactsLookup lookup;
  private final PersonKeys keys;

  CommandSideFacts(FactsWrites writes, JdbcFactsLookup lookup, PersonKeys keys) {
    this.writes = writes;
    this.lookup = lookup;
    this.keys = keys;
  }

  /** A person just registered has no consent decisions and is not forgotten. */
  @EventHandler
  void on(PersonRegistered event) {
    writes.write(
        FactsWrites.Statement.PERSON, event.personId().value(), event.organisationId().value());
    lookup.registered(
        new PersonFacts(event.personId(), event.organisationId(), null, new TreeMap<>()));
  }

  @EventHandler
  void on(ConsentRecorded event) {
    lookup.forget(event.personId());
    writes.write(
        FactsWrites.Statement.CONSENT,
        event.personId().value(),
        event.scope().name(),
        Timestamp.from(event.occurredAt()),
        event.granted());
  }

  /** Erasure happens here: the key goes in the very transaction that records the forgetting. */
  @EventHandler
  void on(PersonForgotten event) {
    lookup.forget(event.personId());
    writes.write(
        FactsWrites.Statement.PERSON_FORGOTTEN,
        Timestamp.from(event.occurredAt()),
        event.personId().value());
    keys.forget(event.personId());
  }

  @EventHandler
  void on(ServiceCommissioned event) {
    writes.write(
        FactsWrites.Statement.SERVICE,
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
    writes.write(
        FactsWrites.Statement.EPISODE, event.episodeId().value(), event.serviceId().value());
    writes.write(
        FactsWrites.Statement.EPISODE_PERSON, event.episodeId().value(), event.personId().value());
    lookup.referred(event.episodeId(), event.serviceId(), event.personId());
  }

  @EventHandler
  void on(WorkerJoined event) {
    lookup.forget(event.workerId());
    writes.write(
        FactsWrites.Statement.WORKER_JOINED,
        event.workerId().value(),
        event.organisationId().value(),
        Timestamp.from(event.occurredAt()));
  }

  @EventHandler
  void on(WorkerLeft event) {
    lookup.forget(event.workerId());
    writes.write(
        FactsWrites.Statement.WORKER_LEFT,
        Timestamp.from(event.occurredAt()),
        event.workerId().value());
  }
}
