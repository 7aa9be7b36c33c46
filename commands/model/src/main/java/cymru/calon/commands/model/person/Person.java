package cymru.calon.commands.model.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.person.ConsentRecorded;
import cymru.calon.commands.api.person.ForgetPerson;
import cymru.calon.commands.api.person.PersonForgotten;
import cymru.calon.commands.api.person.PersonRegistered;
import cymru.calon.commands.api.person.RecordConsent;
import cymru.calon.commands.api.person.RegisterPerson;
import cymru.calon.commands.model.rules.CommandRejectedException;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person known to a provider, under a pseudonym. Their identifying details are sealed with their
 * own key before the event is written; once forgotten, nothing more is recorded about them.
 */
@Aggregate(cache = "personCache")
class Person {
  @AggregateIdentifier private PersonId personId;
  private Instant registeredAt;
  private boolean forgotten;

  private Person() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(RegisterPerson command, PersonalDataSealer sealer) {
    if (personId != null) {
      throw new CommandRejectedException(
          BusinessErrorCode.PERSON_ALREADY_REGISTERED,
          "Person " + personId + " is already registered.");
    }
    apply(
        new PersonRegistered(
            command.personId(),
            command.organisationId(),
            sealer.sealDetails(command.personId(), command.protectedDetails()),
            command.preferredLanguage(),
            command.interpreterNeeded(),
            command.ageBand(),
            command.occurredAt()));
  }

  @CommandHandler
  void handle(RecordConsent command) {
    assertNotForgotten();
    assertNotBeforeRegistration(command.occurredAt());
    apply(
        new ConsentRecorded(
            command.personId(), command.scope(), command.granted(), command.occurredAt()));
  }

  @CommandHandler
  void handle(ForgetPerson command) {
    assertNotForgotten();
    assertNotBeforeRegistration(command.occurredAt());
    apply(new PersonForgotten(command.personId(), command.occurredAt()));
  }

  private void assertNotForgotten() {
    if (forgotten) {
      throw new CommandRejectedException(
          BusinessErrorCode.PERSON_FORGOTTEN, "Person " + personId + " has been forgotten.");
    }
  }

  private void assertNotBeforeRegistration(Instant occurredAt) {
    if (occurredAt.isBefore(registeredAt)) {
      throw new CommandRejectedException(
          BusinessErrorCode.OCCURRED_BEFORE_REGISTRATION,
          "occurredAt is before person " + personId + " was registered.");
    }
  }

  @EventSourcingHandler
  void on(PersonRegistered event) {
    personId = event.personId();
    registeredAt = event.occurredAt();
  }

  @EventSourcingHandler
  void on(PersonForgotten event) {
    forgotten = true;
  }
}
