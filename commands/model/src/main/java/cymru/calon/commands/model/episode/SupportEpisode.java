package cymru.calon.commands.model.episode;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.model.rules.CommandRejectedException;
import cymru.calon.commands.model.service.ServiceLookup;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** One person's time with one service, from referral to closure. */
@Aggregate(cache = "supportEpisodeCache")
class SupportEpisode {
  @AggregateIdentifier private EpisodeId episodeId;
  private Instant referredAt;
  private final Set<ContactId> contacts = new HashSet<>();

  private SupportEpisode() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ReceiveReferral command, ServiceLookup services) {
    assertNotReferred();
    if (services.find(command.serviceId()).isEmpty()) {
      throw new CommandRejectedException(
          BusinessErrorCode.SERVICE_NOT_FOUND,
          "Service " + command.serviceId() + " is not commissioned.");
    }
    apply(
        new ReferralReceived(
            command.episodeId(),
            command.personId(),
            command.serviceId(),
            command.source(),
            command.occurredAt()));
  }

  @CommandHandler
  void handle(RecordContact command) {
    assertNotBeforeReferral(command.occurredAt());
    assertNewContact(command.contactId());
    apply(
        new ContactRecorded(
            command.episodeId(),
            command.contactId(),
            command.workerId(),
            command.occurredAt(),
            command.minutes(),
            command.mode(),
            command.setting(),
            command.initiatedBy(),
            command.interpreter(),
            command.choicesOffered(),
            command.storyRetold(),
            command.purpose()));
  }

  private void assertNotReferred() {
    if (episodeId != null) {
      throw new CommandRejectedException(
          BusinessErrorCode.EPISODE_ALREADY_EXISTS, "Episode " + episodeId + " already exists.");
    }
  }

  private void assertNotBeforeReferral(Instant occurredAt) {
    if (occurredAt.isBefore(referredAt)) {
      throw new CommandRejectedException(
          BusinessErrorCode.OCCURRED_BEFORE_REFERRAL,
          "occurredAt is before the referral of episode " + episodeId + ".");
    }
  }

  private void assertNewContact(ContactId contactId) {
    if (contacts.contains(contactId)) {
      throw new CommandRejectedException(
          BusinessErrorCode.CONTACT_ALREADY_RECORDED,
          "Contact " + contactId + " is already recorded on episode " + episodeId + ".");
    }
  }

  @EventSourcingHandler
  void on(ReferralReceived event) {
    episodeId = event.episodeId();
    referredAt = event.occurredAt();
  }

  @EventSourcingHandler
  void on(ContactRecorded event) {
    contacts.add(event.contactId());
  }
}
