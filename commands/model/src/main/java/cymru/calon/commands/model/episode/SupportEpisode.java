package cymru.calon.commands.model.episode;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cymru.calon.commands.api.episode.AchieveOutcome;
import cymru.calon.commands.api.episode.AftercareEnded;
import cymru.calon.commands.api.episode.AftercarePlanned;
import cymru.calon.commands.api.episode.AppointmentMissed;
import cymru.calon.commands.api.episode.AssignWorker;
import cymru.calon.commands.api.episode.CloseEpisode;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.EndAftercare;
import cymru.calon.commands.api.episode.EpisodeClosed;
import cymru.calon.commands.api.episode.FeedbackGiven;
import cymru.calon.commands.api.episode.GiveFeedback;
import cymru.calon.commands.api.episode.HandOverWorker;
import cymru.calon.commands.api.episode.OutcomeAchieved;
import cymru.calon.commands.api.episode.PlanAftercare;
import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.episode.RecordMissedAppointment;
import cymru.calon.commands.api.episode.RecordRelationalCheckIn;
import cymru.calon.commands.api.episode.RecordTrustMilestone;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.RelationalCheckInRecorded;
import cymru.calon.commands.api.episode.ShareStory;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.episode.TrustMilestoneReached;
import cymru.calon.commands.api.episode.WorkerAssigned;
import cymru.calon.commands.api.episode.WorkerHandedOver;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OutcomeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.model.person.PersonFacts;
import cymru.calon.commands.model.person.PersonLookup;
import cymru.calon.commands.model.person.PersonalDataSealer;
import cymru.calon.commands.model.rules.CommandRejectedException;
import cymru.calon.commands.model.service.ServiceFacts;
import cymru.calon.commands.model.service.ServiceLookup;
import cymru.calon.commands.model.worker.WorkerFacts;
import cymru.calon.commands.model.worker.WorkerLookup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One person's time with one service, from referral to closure.
 *
 * <p>Facts are often recorded late and out of order, so the rules compare each command's {@code
 * occurredAt} with the episode's history rather than with the order of recording: a contact from
 * last week may be recorded after the closure of yesterday. Changes of key worker are the one
 * exception: they must be recorded in time order, so that "the current key worker" at any moment
 * never changes after the fact.
 */
@Aggregate(cache = "supportEpisodeCache")
class SupportEpisode {
  /** How long after closure feedback may still be given. */
  static final Duration FEEDBACK_WINDOW = Duration.ofDays(365);

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @AggregateIdentifier private EpisodeId episodeId;
  private PersonId personId;
  private ServiceId serviceId;
  private Instant referredAt;
  private Instant closedAt;

  /** The latest {@code occurredAt} of any fact that must not follow closure. */
  private Instant latestFact;

  /** The latest {@code occurredAt} of feedback, which may follow closure by the feedback window. */
  private Instant latestFeedback;

  private final Set<ContactId> contacts = new HashSet<>();
  private final Set<StoryId> stories = new HashSet<>();
  private final List<KeyWorkerChange> keyWorkerChanges = new ArrayList<>();
  private final Map<OutcomeId, Instant> outcomes = new HashMap<>();
  private int aftercarePlansOpen;

  private SupportEpisode() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ReceiveReferral command, ServiceLookup services, PersonLookup persons) {
    assertNotReferred();
    ServiceFacts service = serviceOf(command.serviceId(), services);
    PersonFacts person = personOf(command.personId(), persons);
    assertNotForgotten(person);
    if (!person.organisationId().equals(service.organisationId())) {
      throw refused(
          BusinessErrorCode.PERSON_NOT_IN_ORGANISATION,
          "Person " + command.personId() + " is not registered with the service's organisation.");
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
  void handle(AssignWorker command, ServiceLookup services, WorkerLookup workers) {
    assertOpenAt(command.occurredAt());
    assertNoKeyWorkerYet();
    assertWorkerOfServiceInPost(command.workerId(), command.occurredAt(), services, workers);
    apply(new WorkerAssigned(command.episodeId(), command.workerId(), command.occurredAt()));
  }

  @CommandHandler
  void handle(HandOverWorker command, ServiceLookup services, WorkerLookup workers) {
    assertOpenAt(command.occurredAt());
    assertNotSameWorker(command.fromWorkerId(), command.toWorkerId());
    assertNotBeforeLatestKeyWorkerChange(command.occurredAt());
    assertCurrentKeyWorker(command.fromWorkerId(), command.occurredAt());
    assertWorkerOfServiceInPost(command.toWorkerId(), command.occurredAt(), services, workers);
    apply(
        new WorkerHandedOver(
            command.episodeId(),
            command.fromWorkerId(),
            command.toWorkerId(),
            command.reason(),
            command.warmIntroduction(),
            command.occurredAt()));
  }

  @CommandHandler
  void handle(RecordContact command, ServiceLookup services, WorkerLookup workers) {
    assertOpenAt(command.occurredAt());
    assertNewContact(command.contactId());
    assertWorkerOfServiceInPost(command.workerId(), command.occurredAt(), services, workers);
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

  @CommandHandler
  void handle(RecordMissedAppointment command) {
    assertOpenAt(command.occurredAt());
    apply(
        new AppointmentMissed(
            command.episodeId(), command.occurredAt(), command.missedBy(), command.followUp()));
  }

  @CommandHandler
  void handle(RecordTrustMilestone command) {
    assertOpenAt(command.occurredAt());
    assertHadContact();
    apply(
        new TrustMilestoneReached(
            command.episodeId(), command.marker(), command.observedBy(), command.occurredAt()));
  }

  @CommandHandler
  void handle(RecordRelationalCheckIn command) {
    assertOpenAt(command.occurredAt());
    assertHadContact();
    apply(
        new RelationalCheckInRecorded(
            command.episodeId(),
            command.occurredAt(),
            command.listenedTo(),
            command.hadASay(),
            command.trustWorker(),
            command.feltSafe(),
            command.language()));
  }

  @CommandHandler
  void handle(AchieveOutcome command) {
    assertOpenAt(command.occurredAt());
    assertNewOutcome(command.outcomeId());
    apply(
        new OutcomeAchieved(
            command.episodeId(),
            command.outcomeId(),
            command.outcomeType(),
            command.personDefined(),
            command.occurredAt()));
  }

  @CommandHandler
  void handle(PlanAftercare command) {
    assertOpenAt(command.occurredAt());
    assertUntilAfterOutcome(command.outcomeId(), command.until());
    apply(
        new AftercarePlanned(
            command.episodeId(), command.outcomeId(), command.until(), command.occurredAt()));
  }

  @CommandHandler
  void handle(EndAftercare command) {
    assertOpenAt(command.occurredAt());
    assertAftercarePlanned();
    apply(new AftercareEnded(command.episodeId(), command.reason(), command.occurredAt()));
  }

  @CommandHandler
  void handle(GiveFeedback command) {
    assertNotBeforeReferral(command.occurredAt());
    assertWithinFeedbackWindow(command.occurredAt());
    apply(
        new FeedbackGiven(
            command.episodeId(),
            command.occurredAt(),
            command.language(),
            command.translated(),
            command.complaint()));
  }

  @CommandHandler
  void handle(ShareStory command, PersonLookup persons, PersonalDataSealer sealer) {
    assertNotBeforeReferral(command.occurredAt());
    if (closedAt != null && command.occurredAt().isAfter(closedAt.plus(FEEDBACK_WINDOW))) {
      throw refused(
          BusinessErrorCode.STORY_WINDOW_ENDED,
          "A story on episode " + episodeId + " may be shared up to 365 days after its closure.");
    }
    if (stories.contains(command.storyId())) {
      throw refused(
          BusinessErrorCode.STORY_ALREADY_SHARED,
          "Story " + command.storyId() + " is already shared on episode " + episodeId + ".");
    }
    PersonFacts person = personOf(personId, persons);
    assertNotForgotten(person);
    if (!person.storyConsentInForceAt(command.occurredAt())) {
      throw refused(
          BusinessErrorCode.CONSENT_NOT_IN_FORCE,
          "Person "
              + personId
              + " has no consent in force to share stories with commissioners at occurredAt.");
    }
    apply(
        new StoryShared(
            command.episodeId(),
            command.storyId(),
            sealer.sealStory(personId, command.storyId(), command.text()),
            command.language(),
            command.relationalValues(),
            command.occurredAt()));
  }

  @CommandHandler
  void handle(CloseEpisode command) {
    assertNotBeforeReferral(command.occurredAt());
    assertNotClosed();
    assertNotBeforeLatestFact(command.occurredAt());
    assertFeedbackStaysInWindow(command.occurredAt());
    apply(new EpisodeClosed(command.episodeId(), command.reason(), command.occurredAt()));
  }

  // Invariants, each refusing with its own code.

  private void assertNotReferred() {
    if (episodeId != null) {
      throw refused(
          BusinessErrorCode.EPISODE_ALREADY_EXISTS, "Episode " + episodeId + " already exists.");
    }
  }

  private void assertNotBeforeReferral(Instant occurredAt) {
    if (occurredAt.isBefore(referredAt)) {
      throw refused(
          BusinessErrorCode.OCCURRED_BEFORE_REFERRAL,
          "occurredAt is before the referral of episode " + episodeId + ".");
    }
  }

  /** Not before the referral, and not after the closure. */
  private void assertOpenAt(Instant occurredAt) {
    assertNotBeforeReferral(occurredAt);
    if (closedAt != null && occurredAt.isAfter(closedAt)) {
      throw refused(
          BusinessErrorCode.EPISODE_CLOSED,
          "Episode " + episodeId + " was closed before occurredAt.");
    }
  }

  private void assertNotClosed() {
    if (closedAt != null) {
      throw refused(
          BusinessErrorCode.EPISODE_ALREADY_CLOSED, "Episode " + episodeId + " is already closed.");
    }
  }

  private void assertNotBeforeLatestFact(Instant occurredAt) {
    if (latestFact != null && occurredAt.isBefore(latestFact)) {
      throw refused(
          BusinessErrorCode.CLOSED_BEFORE_LATEST_EVENT,
          "Episode " + episodeId + " has facts recorded after occurredAt; close it after them.");
    }
  }

  /**
   * Feedback recorded before the closure may follow it, but by no more than the feedback window: a
   * closure so early that recorded feedback would fall outside the window is refused, as a closure
   * before any other recorded fact is.
   */
  private void assertFeedbackStaysInWindow(Instant closedAt) {
    if (latestFeedback != null && latestFeedback.isAfter(closedAt.plus(FEEDBACK_WINDOW))) {
      throw refused(
          BusinessErrorCode.CLOSED_BEFORE_LATEST_EVENT,
          "Episode "
              + episodeId
              + " has feedback or a story recorded more than 365 days after occurredAt;"
              + " close it later.");
    }
  }

  private void assertWithinFeedbackWindow(Instant occurredAt) {
    if (closedAt != null && occurredAt.isAfter(closedAt.plus(FEEDBACK_WINDOW))) {
      throw refused(
          BusinessErrorCode.FEEDBACK_WINDOW_ENDED,
          "Feedback on episode " + episodeId + " may be given up to 365 days after its closure.");
    }
  }

  private void assertNewContact(ContactId contactId) {
    if (contacts.contains(contactId)) {
      throw refused(
          BusinessErrorCode.CONTACT_ALREADY_RECORDED,
          "Contact " + contactId + " is already recorded on episode " + episodeId + ".");
    }
  }

  private void assertHadContact() {
    if (contacts.isEmpty()) {
      throw refused(
          BusinessErrorCode.NO_CONTACT_YET,
          "Episode " + episodeId + " has no contact yet; record one first.");
    }
  }

  private void assertNoKeyWorkerYet() {
    if (!keyWorkerChanges.isEmpty()) {
      throw refused(
          BusinessErrorCode.KEY_WORKER_ALREADY_ASSIGNED,
          "Episode " + episodeId + " already has a key worker; record a handover instead.");
    }
  }

  private void assertNotSameWorker(WorkerId from, WorkerId to) {
    if (from.equals(to)) {
      throw refused(
          BusinessErrorCode.HANDOVER_TO_SAME_WORKER,
          "A handover must be to another worker than " + from + ".");
    }
  }

  private void assertNotBeforeLatestKeyWorkerChange(Instant occurredAt) {
    if (!keyWorkerChanges.isEmpty() && occurredAt.isBefore(keyWorkerChanges.getLast().at())) {
      throw refused(
          BusinessErrorCode.HANDOVER_BEFORE_LATEST_CHANGE,
          "Episode " + episodeId + " has a later change of key worker than occurredAt.");
    }
  }

  private void assertCurrentKeyWorker(WorkerId workerId, Instant occurredAt) {
    if (!workerId.equals(keyWorkerAt(occurredAt))) {
      throw refused(
          BusinessErrorCode.NOT_CURRENT_KEY_WORKER,
          "Worker " + workerId + " is not the key worker of episode " + episodeId + ".");
    }
  }

  private void assertWorkerOfServiceInPost(
      WorkerId workerId, Instant occurredAt, ServiceLookup services, WorkerLookup workers) {
    WorkerFacts worker =
        workers
            .find(workerId)
            .orElseThrow(
                () ->
                    refused(
                        BusinessErrorCode.WORKER_NOT_FOUND,
                        "No worker " + workerId + " has joined."));
    if (!worker.organisationId().equals(serviceOf(serviceId, services).organisationId())) {
      throw refused(
          BusinessErrorCode.WORKER_NOT_IN_ORGANISATION,
          "Worker "
              + workerId
              + " is not of the organisation that runs service "
              + serviceId
              + ".");
    }
    if (!worker.inPostAt(occurredAt)) {
      throw refused(
          BusinessErrorCode.WORKER_NOT_IN_POST,
          "Worker " + workerId + " was not in post at occurredAt.");
    }
  }

  private void assertNewOutcome(OutcomeId outcomeId) {
    if (outcomes.containsKey(outcomeId)) {
      throw refused(
          BusinessErrorCode.OUTCOME_ALREADY_RECORDED,
          "Outcome " + outcomeId + " is already recorded on episode " + episodeId + ".");
    }
  }

  private void assertUntilAfterOutcome(OutcomeId outcomeId, LocalDate until) {
    Instant achievedAt = outcomes.get(outcomeId);
    if (achievedAt == null) {
      throw refused(
          BusinessErrorCode.OUTCOME_NOT_ACHIEVED,
          "Outcome " + outcomeId + " is not recorded on episode " + episodeId + ".");
    }
    if (!until.isAfter(LocalDate.ofInstant(achievedAt, LONDON))) {
      throw refused(
          BusinessErrorCode.AFTERCARE_UNTIL_NOT_AFTER_OUTCOME,
          "Aftercare must last until a date after outcome " + outcomeId + " was achieved.");
    }
  }

  private void assertAftercarePlanned() {
    if (aftercarePlansOpen == 0) {
      throw refused(
          BusinessErrorCode.AFTERCARE_NOT_PLANNED,
          "Episode " + episodeId + " has no aftercare in progress to end.");
    }
  }

  private static PersonFacts personOf(PersonId personId, PersonLookup persons) {
    return persons
        .find(personId)
        .orElseThrow(
            () ->
                refused(
                    BusinessErrorCode.PERSON_NOT_FOUND,
                    "Person " + personId + " is not registered."));
  }

  private static void assertNotForgotten(PersonFacts person) {
    if (person.forgotten()) {
      throw refused(
          BusinessErrorCode.PERSON_FORGOTTEN,
          "Person " + person.personId() + " has been forgotten.");
    }
  }

  private static ServiceFacts serviceOf(ServiceId serviceId, ServiceLookup services) {
    return services
        .find(serviceId)
        .orElseThrow(
            () ->
                refused(
                    BusinessErrorCode.SERVICE_NOT_FOUND,
                    "Service " + serviceId + " is not commissioned."));
  }

  private WorkerId keyWorkerAt(Instant instant) {
    WorkerId current = null;
    for (KeyWorkerChange change : keyWorkerChanges) {
      if (change.at().isAfter(instant)) {
        break;
      }
      current = change.workerId();
    }
    return current;
  }

  private static CommandRejectedException refused(BusinessErrorCode code, String detail) {
    return new CommandRejectedException(code, detail);
  }

  // State, changed only by events.

  @EventSourcingHandler
  void on(ReferralReceived event) {
    episodeId = event.episodeId();
    personId = event.personId();
    serviceId = event.serviceId();
    referredAt = event.occurredAt();
    noteFact(event.occurredAt());
  }

  @EventSourcingHandler
  void on(WorkerAssigned event) {
    keyWorkerChanges.add(new KeyWorkerChange(event.occurredAt(), event.workerId()));
    noteFact(event.occurredAt());
  }

  @EventSourcingHandler
  void on(WorkerHandedOver event) {
    keyWorkerChanges.add(new KeyWorkerChange(event.occurredAt(), event.toWorkerId()));
    noteFact(event.occurredAt());
  }

  @EventSourcingHandler
  void on(ContactRecorded event) {
    contacts.add(event.contactId());
    noteFact(event.occurredAt());
  }

  @EventSourcingHandler
  void on(AppointmentMissed event) {
    noteFact(event.occurredAt());
  }

  @EventSourcingHandler
  void on(TrustMilestoneReached event) {
    noteFact(event.occurredAt());
  }

  @EventSourcingHandler
  void on(RelationalCheckInRecorded event) {
    noteFact(event.occurredAt());
  }

  @EventSourcingHandler
  void on(OutcomeAchieved event) {
    outcomes.put(event.outcomeId(), event.occurredAt());
    noteFact(event.occurredAt());
  }

  @EventSourcingHandler
  void on(AftercarePlanned event) {
    aftercarePlansOpen++;
    noteFact(event.occurredAt());
  }

  @EventSourcingHandler
  void on(AftercareEnded event) {
    aftercarePlansOpen--;
    noteFact(event.occurredAt());
  }

  @EventSourcingHandler
  void on(FeedbackGiven event) {
    if (latestFeedback == null || event.occurredAt().isAfter(latestFeedback)) {
      latestFeedback = event.occurredAt();
    }
  }

  /** A story, like feedback, may follow closure by the feedback window. */
  @EventSourcingHandler
  void on(StoryShared event) {
    stories.add(event.storyId());
    if (latestFeedback == null || event.occurredAt().isAfter(latestFeedback)) {
      latestFeedback = event.occurredAt();
    }
  }

  @EventSourcingHandler
  void on(EpisodeClosed event) {
    closedAt = event.occurredAt();
  }

  private void noteFact(Instant occurredAt) {
    if (latestFact == null || occurredAt.isAfter(latestFact)) {
      latestFact = occurredAt;
    }
  }

  /** The key worker from {@code at} until the next change. */
  private record KeyWorkerChange(Instant at, WorkerId workerId) {}
}
