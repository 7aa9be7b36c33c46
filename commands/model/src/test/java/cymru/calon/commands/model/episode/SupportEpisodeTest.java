package cymru.calon.commands.model.episode;

import static cymru.calon.commands.model.rules.Rejections.withCode;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.episode.AchieveOutcome;
import cymru.calon.commands.api.episode.AftercareEndReason;
import cymru.calon.commands.api.episode.AftercareEnded;
import cymru.calon.commands.api.episode.AftercarePlanned;
import cymru.calon.commands.api.episode.AppointmentMissed;
import cymru.calon.commands.api.episode.AssignWorker;
import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.CloseEpisode;
import cymru.calon.commands.api.episode.ClosureReason;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.EndAftercare;
import cymru.calon.commands.api.episode.EpisodeClosed;
import cymru.calon.commands.api.episode.FeedbackGiven;
import cymru.calon.commands.api.episode.FollowUp;
import cymru.calon.commands.api.episode.GiveFeedback;
import cymru.calon.commands.api.episode.HandOverWorker;
import cymru.calon.commands.api.episode.HandoverReason;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.MissedBy;
import cymru.calon.commands.api.episode.ObservedBy;
import cymru.calon.commands.api.episode.OutcomeAchieved;
import cymru.calon.commands.api.episode.OutcomeType;
import cymru.calon.commands.api.episode.PlanAftercare;
import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.episode.RecordMissedAppointment;
import cymru.calon.commands.api.episode.RecordRelationalCheckIn;
import cymru.calon.commands.api.episode.RecordTrustMilestone;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.episode.RelationalCheckInRecorded;
import cymru.calon.commands.api.episode.ShareStory;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.episode.TrustMarker;
import cymru.calon.commands.api.episode.TrustMilestoneReached;
import cymru.calon.commands.api.episode.WorkerAssigned;
import cymru.calon.commands.api.episode.WorkerHandedOver;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.OutcomeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.commands.api.person.Sealed;
import cymru.calon.commands.model.person.PersonFacts;
import cymru.calon.commands.model.person.PersonLookup;
import cymru.calon.commands.model.person.PersonalDataSealer;
import cymru.calon.commands.model.rules.CommandRulesInterceptor;
import cymru.calon.commands.model.service.ServiceFacts;
import cymru.calon.commands.model.service.ServiceLookup;
import cymru.calon.commands.model.worker.WorkerFacts;
import cymru.calon.commands.model.worker.WorkerLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupportEpisodeTest {
  private static final Duration DAY = Duration.ofDays(1);

  private final EpisodeId episode = new EpisodeId(UUID.randomUUID());
  private final PersonId person = new PersonId(UUID.randomUUID());
  private final OrganisationId organisation = new OrganisationId(UUID.randomUUID());
  private final ServiceId service = new ServiceId(UUID.randomUUID());
  private final ServiceId unknownService = new ServiceId(UUID.randomUUID());
  private final ContactId contact = new ContactId(UUID.randomUUID());
  private final OutcomeId outcome = new OutcomeId(UUID.randomUUID());
  private final Instant referredAt = Instant.parse("2025-05-01T09:00:00Z");

  /** In post throughout. */
  private final WorkerId worker = new WorkerId(UUID.randomUUID());

  /** In post throughout. */
  private final WorkerId colleague = new WorkerId(UUID.randomUUID());

  /** Left ten days after the referral. */
  private final WorkerId leaver = new WorkerId(UUID.randomUUID());

  /** Joins twenty days after the referral. */
  private final WorkerId newcomer = new WorkerId(UUID.randomUUID());

  /** Of another organisation. */
  private final WorkerId outsider = new WorkerId(UUID.randomUUID());

  private final WorkerId unknownWorker = new WorkerId(UUID.randomUUID());
  private final Instant leaverLeftAt = referredAt.plus(DAY.multipliedBy(10));
  private AggregateTestFixture<SupportEpisode> fixture;

  /** Registered with the organisation; gave consent to share stories long before the referral. */
  private final Map<PersonId, PersonFacts> people = new HashMap<>();

  private final PersonId forgottenPerson = new PersonId(UUID.randomUUID());
  private final PersonId personElsewhere = new PersonId(UUID.randomUUID());
  private final StoryId story = new StoryId(UUID.randomUUID());

  @BeforeEach
  void setUp() {
    Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
    Map<WorkerId, WorkerFacts> workers =
        Map.of(
            worker, new WorkerFacts(worker, organisation, longAgo, null),
            colleague, new WorkerFacts(colleague, organisation, longAgo, null),
            leaver, new WorkerFacts(leaver, organisation, longAgo, leaverLeftAt),
            newcomer,
                new WorkerFacts(
                    newcomer, organisation, referredAt.plus(DAY.multipliedBy(20)), null),
            outsider,
                new WorkerFacts(outsider, new OrganisationId(UUID.randomUUID()), longAgo, null));
    ServiceLookup services =
        id ->
            id.equals(service)
                ? Optional.of(
                    new ServiceFacts(service, organisation, new CommissionerId(UUID.randomUUID())))
                : Optional.empty();
    WorkerLookup workerLookup = id -> Optional.ofNullable(workers.get(id));
    fixture = new AggregateTestFixture<>(SupportEpisode.class);
    fixture.registerInjectableResource(services);
    fixture.registerInjectableResource(workerLookup);
    people.put(person, personFacts(person, organisation, null, consent(longAgo, true)));
    people.put(
        forgottenPerson,
        personFacts(
            forgottenPerson, organisation, longAgo.plusSeconds(60), consent(longAgo, true)));
    people.put(
        personElsewhere,
        personFacts(personElsewhere, new OrganisationId(UUID.randomUUID()), null, new TreeMap<>()));
    PersonLookup personLookup = id -> Optional.ofNullable(people.get(id));
    fixture.registerInjectableResource(personLookup);
    fixture.registerInjectableResource(
        new PersonalDataSealer() {
          @Override
          public Sealed sealDetails(PersonId personId, ProtectedDetails details) {
            throw new AssertionError("an episode seals no details");
          }

          @Override
          public Sealed sealStory(PersonId personId, StoryId storyId, String text) {
            return new Sealed("sealed-for-" + personId + "-" + storyId + "-" + text.length());
          }
        });
  }

  private static PersonFacts personFacts(
      PersonId id,
      OrganisationId organisationId,
      Instant forgottenAt,
      TreeMap<Instant, Boolean> consent) {
    return new PersonFacts(id, organisationId, forgottenAt, consent);
  }

  private static TreeMap<Instant, Boolean> consent(Instant at, boolean granted) {
    TreeMap<Instant, Boolean> decisions = new TreeMap<>();
    decisions.put(at, granted);
    return decisions;
  }

  // ReceiveReferral

  @Test
  void receiveReferral_opensEpisode() {
    fixture
        .givenNoPriorActivity()
        .when(new ReceiveReferral(episode, person, service, ReferralSource.SELF, referredAt))
        .expectEvents(
            new ReferralReceived(episode, person, service, ReferralSource.SELF, referredAt));
  }

  @Test
  void receiveReferral_rejected_whenServiceUnknown() {
    fixture
        .givenNoPriorActivity()
        .when(new ReceiveReferral(episode, person, unknownService, ReferralSource.GP, referredAt))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.SERVICE_NOT_FOUND));
  }

  @Test
  void receiveReferral_rejected_whenEpisodeExists() {
    fixture
        .given(referral())
        .when(new ReceiveReferral(episode, person, service, ReferralSource.GP, referredAt))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.EPISODE_ALREADY_EXISTS));
  }

  @Test
  void receiveReferral_rejected_whenPersonNotRegistered() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ReceiveReferral(
                episode, new PersonId(UUID.randomUUID()), service, ReferralSource.GP, referredAt))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.PERSON_NOT_FOUND));
  }

  @Test
  void receiveReferral_rejected_whenPersonForgotten() {
    fixture
        .givenNoPriorActivity()
        .when(new ReceiveReferral(episode, forgottenPerson, service, ReferralSource.GP, referredAt))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.PERSON_FORGOTTEN));
  }

  @Test
  void receiveReferral_rejected_whenPersonOfAnotherOrganisation() {
    fixture
        .givenNoPriorActivity()
        .when(new ReceiveReferral(episode, personElsewhere, service, ReferralSource.GP, referredAt))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.PERSON_NOT_IN_ORGANISATION));
  }

  // ShareStory

  private ShareStory shareStory(Instant at) {
    return new ShareStory(episode, story, "Fy stori i", "cy", Set.of(8, 1), at);
  }

  private StoryShared storyShared(Instant at) {
    return new StoryShared(
        episode,
        story,
        new Sealed("sealed-for-" + person + "-" + story + "-10"),
        "cy",
        Set.of(1, 8),
        at);
  }

  @Test
  void shareStory_recordsOnlyTheSealedText() {
    fixture.given(referral()).when(shareStory(day(5))).expectEvents(storyShared(day(5)));
  }

  @Test
  void shareStory_acceptedAfterClosure_withinTheWindow() {
    Instant lastDay = day(30).plus(SupportEpisode.FEEDBACK_WINDOW);
    fixture
        .given(referral(), closed(day(30)))
        .when(shareStory(lastDay))
        .expectEvents(storyShared(lastDay));
  }

  @Test
  void shareStory_rejected_whenWindowEnded() {
    fixture
        .given(referral(), closed(day(30)))
        .when(shareStory(day(30).plus(SupportEpisode.FEEDBACK_WINDOW).plusSeconds(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.STORY_WINDOW_ENDED));
  }

  @Test
  void shareStory_rejected_beforeReferral() {
    fixture
        .given(referral())
        .when(shareStory(referredAt.minusSeconds(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OCCURRED_BEFORE_REFERRAL));
  }

  @Test
  void shareStory_rejected_whenAlreadyShared() {
    fixture
        .given(referral(), storyShared(day(5)))
        .when(shareStory(day(6)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.STORY_ALREADY_SHARED));
  }

  @Test
  void shareStory_rejected_withoutConsent() {
    people.put(person, personFacts(person, organisation, null, new TreeMap<>()));
    fixture
        .given(referral())
        .when(shareStory(day(5)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.CONSENT_NOT_IN_FORCE));
  }

  @Test
  void shareStory_rejected_whenConsentGivenOnlyAfterTheStory() {
    people.put(person, personFacts(person, organisation, null, consent(day(10), true)));
    fixture
        .given(referral())
        .when(shareStory(day(5)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.CONSENT_NOT_IN_FORCE));
  }

  @Test
  void shareStory_rejected_whenConsentWithdrawnSince() {
    TreeMap<Instant, Boolean> decisions = consent(referredAt, true);
    decisions.put(day(10), false);
    people.put(person, personFacts(person, organisation, null, decisions));
    fixture
        .given(referral())
        .when(shareStory(day(5)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.CONSENT_NOT_IN_FORCE));
  }

  @Test
  void shareStory_rejected_whenPersonForgotten() {
    people.put(person, personFacts(person, organisation, day(2), consent(referredAt, true)));
    fixture
        .given(referral())
        .when(shareStory(day(5)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.PERSON_FORGOTTEN));
  }

  @Test
  void closeEpisode_rejected_whenASharedStoryWouldFallOutsideItsWindow() {
    fixture
        .given(referral(), storyShared(day(400)))
        .when(new CloseEpisode(episode, ClosureReason.PLANNED_COMPLETION, day(34)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.CLOSED_BEFORE_LATEST_EVENT));
  }

  // AssignWorker

  @Test
  void assignWorker_assignsKeyWorker() {
    fixture
        .given(referral())
        .when(new AssignWorker(episode, worker, day(1)))
        .expectEvents(new WorkerAssigned(episode, worker, day(1)));
  }

  @Test
  void assignWorker_rejected_whenKeyWorkerAlreadyAssigned() {
    fixture
        .given(referral(), new WorkerAssigned(episode, worker, day(1)))
        .when(new AssignWorker(episode, colleague, day(2)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.KEY_WORKER_ALREADY_ASSIGNED));
  }

  @Test
  void assignWorker_rejected_whenWorkerUnknown() {
    fixture
        .given(referral())
        .when(new AssignWorker(episode, unknownWorker, day(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_FOUND));
  }

  @Test
  void assignWorker_rejected_whenWorkerOfAnotherOrganisation() {
    fixture
        .given(referral())
        .when(new AssignWorker(episode, outsider, day(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_IN_ORGANISATION));
  }

  @Test
  void assignWorker_rejected_whenWorkerHadLeft() {
    fixture
        .given(referral())
        .when(new AssignWorker(episode, leaver, leaverLeftAt))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_IN_POST));
  }

  @Test
  void assignWorker_rejected_whenWorkerHadNotJoined() {
    fixture
        .given(referral())
        .when(new AssignWorker(episode, newcomer, day(19)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_IN_POST));
  }

  @Test
  void assignWorker_rejected_whenBeforeReferral() {
    fixture
        .given(referral())
        .when(new AssignWorker(episode, worker, referredAt.minusSeconds(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OCCURRED_BEFORE_REFERRAL));
  }

  // HandOverWorker

  @Test
  void handOverWorker_handsOver_warmly() {
    fixture
        .given(referral(), new WorkerAssigned(episode, worker, day(1)))
        .when(new HandOverWorker(episode, worker, colleague, HandoverReason.CASELOAD, true, day(5)))
        .expectEvents(
            new WorkerHandedOver(
                episode, worker, colleague, HandoverReason.CASELOAD, true, day(5)));
  }

  @Test
  void handOverWorker_fromAWorkerWhoHasAlreadyLeft_isAccepted() {
    // A cold handover, after the key worker left without one: the leaver is still the key worker.
    fixture
        .given(referral(), new WorkerAssigned(episode, leaver, day(1)))
        .when(
            new HandOverWorker(episode, leaver, worker, HandoverReason.WORKER_LEFT, false, day(15)))
        .expectEvents(
            new WorkerHandedOver(
                episode, leaver, worker, HandoverReason.WORKER_LEFT, false, day(15)));
  }

  @Test
  void handOverWorker_rejected_whenFromIsNotTheCurrentKeyWorker() {
    fixture
        .given(
            referral(),
            new WorkerAssigned(episode, worker, day(1)),
            new WorkerHandedOver(episode, worker, colleague, HandoverReason.CASELOAD, true, day(5)))
        .when(
            new HandOverWorker(
                episode, worker, leaver, HandoverReason.PERSON_REQUEST, false, day(6)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.NOT_CURRENT_KEY_WORKER));
  }

  @Test
  void handOverWorker_rejected_whenNoKeyWorkerYet() {
    fixture
        .given(referral())
        .when(new HandOverWorker(episode, worker, colleague, HandoverReason.OTHER, false, day(2)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.NOT_CURRENT_KEY_WORKER));
  }

  @Test
  void handOverWorker_rejected_whenToTheSameWorker() {
    fixture
        .given(referral(), new WorkerAssigned(episode, worker, day(1)))
        .when(new HandOverWorker(episode, worker, worker, HandoverReason.OTHER, true, day(2)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.HANDOVER_TO_SAME_WORKER));
  }

  @Test
  void handOverWorker_rejected_whenBeforeTheLatestChangeOfKeyWorker() {
    fixture
        .given(referral(), new WorkerAssigned(episode, worker, day(3)))
        .when(new HandOverWorker(episode, worker, colleague, HandoverReason.OTHER, true, day(2)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.HANDOVER_BEFORE_LATEST_CHANGE));
  }

  @Test
  void handOverWorker_rejected_whenNewWorkerHadLeft() {
    fixture
        .given(referral(), new WorkerAssigned(episode, worker, day(1)))
        .when(
            new HandOverWorker(
                episode, worker, leaver, HandoverReason.CASELOAD, true, leaverLeftAt))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_IN_POST));
  }

  @Test
  void handOverWorker_rejected_whenNewWorkerOfAnotherOrganisation() {
    fixture
        .given(referral(), new WorkerAssigned(episode, worker, day(1)))
        .when(new HandOverWorker(episode, worker, outsider, HandoverReason.CASELOAD, true, day(2)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_IN_ORGANISATION));
  }

  // RecordContact

  @Test
  void recordContact_recordsContact_evenWhenRecordedOutOfOrder() {
    ContactId second = new ContactId(UUID.randomUUID());
    fixture
        .given(referral(), contactRecorded(contact, day(9)))
        .when(recordContact(second, worker, day(2)))
        .expectEvents(contactRecorded(second, day(2)));
  }

  @Test
  void recordContact_atTheReferralInstant_isAccepted() {
    fixture
        .given(referral())
        .when(recordContact(contact, worker, referredAt))
        .expectEvents(contactRecorded(contact, referredAt));
  }

  @Test
  void recordContact_recordedLateAfterClosure_isAccepted_whenItHappenedBeforeClosure() {
    fixture
        .given(referral(), closed(day(30)))
        .when(recordContact(contact, worker, day(28)))
        .expectEvents(contactRecorded(contact, day(28)));
  }

  @Test
  void recordContact_rejected_whenBeforeReferral() {
    fixture
        .given(referral())
        .when(recordContact(contact, worker, referredAt.minusSeconds(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OCCURRED_BEFORE_REFERRAL));
  }

  @Test
  void recordContact_rejected_whenContactAlreadyRecorded() {
    fixture
        .given(referral(), contactRecorded(contact, day(1)))
        .when(recordContact(contact, worker, day(2)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.CONTACT_ALREADY_RECORDED));
  }

  @Test
  void recordContact_rejected_whenWorkerHadLeft() {
    fixture
        .given(referral())
        .when(recordContact(contact, leaver, leaverLeftAt.plusSeconds(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_IN_POST));
  }

  @Test
  void recordContact_rejected_whenWorkerOfAnotherOrganisation() {
    fixture
        .given(referral())
        .when(recordContact(contact, outsider, day(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_IN_ORGANISATION));
  }

  @Test
  void recordContact_rejected_whenWorkerUnknown() {
    fixture
        .given(referral())
        .when(recordContact(contact, unknownWorker, day(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.WORKER_NOT_FOUND));
  }

  // RecordMissedAppointment

  @Test
  void recordMissedAppointment_recordsWhoMissedIt() {
    fixture
        .given(referral())
        .when(new RecordMissedAppointment(episode, day(3), MissedBy.SERVICE, FollowUp.CALL))
        .expectEvents(new AppointmentMissed(episode, day(3), MissedBy.SERVICE, FollowUp.CALL));
  }

  // RecordTrustMilestone and RecordRelationalCheckIn

  @Test
  void recordTrustMilestone_recordsMilestone_afterAContact() {
    fixture
        .given(referral(), contactRecorded(contact, day(1)))
        .when(
            new RecordTrustMilestone(
                episode, TrustMarker.SELF_INITIATED_CONTACT, ObservedBy.WORKER, day(8)))
        .expectEvents(
            new TrustMilestoneReached(
                episode, TrustMarker.SELF_INITIATED_CONTACT, ObservedBy.WORKER, day(8)));
  }

  @Test
  void recordTrustMilestone_rejected_whenNoContactYet() {
    fixture
        .given(referral())
        .when(
            new RecordTrustMilestone(
                episode, TrustMarker.PERSON_REPORTED_TRUST, ObservedBy.PERSON, day(8)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.NO_CONTACT_YET));
  }

  @Test
  void recordRelationalCheckIn_recordsScores_afterAContact() {
    fixture
        .given(referral(), contactRecorded(contact, day(1)))
        .when(new RecordRelationalCheckIn(episode, day(10), 4, 5, 3, 4, "cy"))
        .expectEvents(new RelationalCheckInRecorded(episode, day(10), 4, 5, 3, 4, "cy"));
  }

  @Test
  void recordRelationalCheckIn_rejected_whenNoContactYet() {
    fixture
        .given(referral())
        .when(new RecordRelationalCheckIn(episode, day(10), 4, 5, 3, 4, "en"))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.NO_CONTACT_YET));
  }

  // Outcomes and aftercare

  @Test
  void achieveOutcome_recordsOutcome() {
    fixture
        .given(referral())
        .when(new AchieveOutcome(episode, outcome, OutcomeType.HOUSING_SECURED, true, day(40)))
        .expectEvents(
            new OutcomeAchieved(episode, outcome, OutcomeType.HOUSING_SECURED, true, day(40)));
  }

  @Test
  void achieveOutcome_rejected_whenOutcomeAlreadyRecorded() {
    fixture
        .given(referral(), outcomeAchieved(day(40)))
        .when(new AchieveOutcome(episode, outcome, OutcomeType.EDUCATION, false, day(41)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OUTCOME_ALREADY_RECORDED));
  }

  @Test
  void planAftercare_plansAftercare_untilAfterTheOutcome() {
    LocalDate until = LocalDate.of(2025, 8, 1);
    fixture
        .given(referral(), outcomeAchieved(day(40)))
        .when(new PlanAftercare(episode, outcome, until, day(41)))
        .expectEvents(new AftercarePlanned(episode, outcome, until, day(41)));
  }

  @Test
  void planAftercare_rejected_whenOutcomeNotAchieved() {
    fixture
        .given(referral())
        .when(new PlanAftercare(episode, outcome, LocalDate.of(2025, 8, 1), day(41)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OUTCOME_NOT_ACHIEVED));
  }

  @Test
  void planAftercare_rejected_whenUntilIsNotAfterTheOutcome() {
    // The outcome is on 10 June 2025 (London); aftercare "until" that same day ends nothing.
    fixture
        .given(referral(), outcomeAchieved(day(40)))
        .when(new PlanAftercare(episode, outcome, LocalDate.of(2025, 6, 10), day(41)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.AFTERCARE_UNTIL_NOT_AFTER_OUTCOME));
  }

  @Test
  void endAftercare_endsPlannedAftercare() {
    fixture
        .given(referral(), outcomeAchieved(day(40)), aftercarePlanned(day(41)))
        .when(new EndAftercare(episode, AftercareEndReason.PLANNED, day(90)))
        .expectEvents(new AftercareEnded(episode, AftercareEndReason.PLANNED, day(90)));
  }

  @Test
  void endAftercare_rejected_whenNoneWasPlanned() {
    fixture
        .given(referral(), outcomeAchieved(day(40)))
        .when(new EndAftercare(episode, AftercareEndReason.FUNDING_ENDED, day(50)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.AFTERCARE_NOT_PLANNED));
  }

  @Test
  void endAftercare_rejected_whenAlreadyEnded() {
    fixture
        .given(
            referral(),
            outcomeAchieved(day(40)),
            aftercarePlanned(day(41)),
            new AftercareEnded(episode, AftercareEndReason.PLANNED, day(90)))
        .when(new EndAftercare(episode, AftercareEndReason.LOST_CONTACT, day(91)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.AFTERCARE_NOT_PLANNED));
  }

  // Feedback and closure

  @Test
  void giveFeedback_recordsFeedback_upTo365DaysAfterClosure() {
    Instant lastDay = day(30).plus(SupportEpisode.FEEDBACK_WINDOW);
    fixture
        .given(referral(), closed(day(30)))
        .when(new GiveFeedback(episode, lastDay, "ar", true, false))
        .expectEvents(new FeedbackGiven(episode, lastDay, "ar", true, false));
  }

  @Test
  void giveFeedback_rejected_whenMoreThan365DaysAfterClosure() {
    Instant tooLate = day(30).plus(SupportEpisode.FEEDBACK_WINDOW).plusSeconds(1);
    fixture
        .given(referral(), closed(day(30)))
        .when(new GiveFeedback(episode, tooLate, "en", false, true))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.FEEDBACK_WINDOW_ENDED));
  }

  @Test
  void giveFeedback_rejected_whenBeforeReferral() {
    fixture
        .given(referral())
        .when(new GiveFeedback(episode, referredAt.minusSeconds(60), "en", false, false))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OCCURRED_BEFORE_REFERRAL));
  }

  @Test
  void closeEpisode_closesEpisode() {
    fixture
        .given(referral(), contactRecorded(contact, day(10)))
        .when(new CloseEpisode(episode, ClosureReason.PLANNED_COMPLETION, day(10)))
        .expectEvents(closed(day(10)));
  }

  @Test
  void closeEpisode_rejected_whenAlreadyClosed() {
    fixture
        .given(referral(), closed(day(30)))
        .when(new CloseEpisode(episode, ClosureReason.OTHER, day(31)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.EPISODE_ALREADY_CLOSED));
  }

  @Test
  void closeEpisode_rejected_whenRecordedFeedbackWouldFallOutsideItsWindow() {
    fixture
        .given(referral(), new FeedbackGiven(episode, day(400), "en", false, false))
        .when(new CloseEpisode(episode, ClosureReason.PLANNED_COMPLETION, day(34)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.CLOSED_BEFORE_LATEST_EVENT));
  }

  @Test
  void closeEpisode_closes_whenRecordedFeedbackFallsInsideItsWindow() {
    fixture
        .given(referral(), new FeedbackGiven(episode, day(400), "en", false, false))
        .when(new CloseEpisode(episode, ClosureReason.PLANNED_COMPLETION, day(35)))
        .expectEvents(closed(day(35)));
  }

  @Test
  void closeEpisode_rejected_whenFactsAreRecordedAfterIt() {
    fixture
        .given(referral(), contactRecorded(contact, day(10)))
        .when(new CloseEpisode(episode, ClosureReason.NON_ENGAGEMENT, day(9)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.CLOSED_BEFORE_LATEST_EVENT));
  }

  @Test
  void closeEpisode_rejected_whenBeforeReferral() {
    fixture
        .given(referral())
        .when(new CloseEpisode(episode, ClosureReason.OTHER, referredAt.minusSeconds(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OCCURRED_BEFORE_REFERRAL));
  }

  @Test
  void everyCommandButFeedback_rejected_whenItHappenedAfterClosure() {
    Instant after = day(31);
    List<Function<Instant, Command>> commands =
        List.of(
            at -> new AssignWorker(episode, worker, at),
            at ->
                new HandOverWorker(
                    episode, worker, colleague, HandoverReason.WORKER_ABSENT, true, at),
            at -> recordContact(new ContactId(UUID.randomUUID()), worker, at),
            at -> new RecordMissedAppointment(episode, at, MissedBy.PERSON, FollowUp.LETTER),
            at ->
                new RecordTrustMilestone(
                    episode, TrustMarker.CO_PRODUCED_PLAN, ObservedBy.WORKER, at),
            at -> new RecordRelationalCheckIn(episode, at, 3, 3, 3, 3, "en"),
            at -> new AchieveOutcome(episode, outcome, OutcomeType.OTHER, false, at),
            at -> new PlanAftercare(episode, outcome, LocalDate.of(2026, 1, 1), at),
            at -> new EndAftercare(episode, AftercareEndReason.PERSON_CHOSE, at));
    for (Function<Instant, Command> command : commands) {
      fixture
          .given(referral(), contactRecorded(contact, day(2)), closed(day(30)))
          .when(command.apply(after))
          .expectNoEvents()
          .expectException(withCode(BusinessErrorCode.EPISODE_CLOSED));
    }
  }

  @Test
  void everyCommand_rejected_whenItHappenedBeforeReferral() {
    Instant before = referredAt.minusSeconds(3600);
    List<Command> commands =
        List.of(
            new AssignWorker(episode, worker, before),
            new HandOverWorker(episode, worker, colleague, HandoverReason.OTHER, false, before),
            recordContact(contact, worker, before),
            new RecordMissedAppointment(episode, before, MissedBy.PERSON, FollowUp.NONE),
            new RecordTrustMilestone(
                episode, TrustMarker.CO_PRODUCED_PLAN, ObservedBy.WORKER, before),
            new RecordRelationalCheckIn(episode, before, 3, 3, 3, 3, "en"),
            new AchieveOutcome(episode, outcome, OutcomeType.OTHER, false, before),
            new PlanAftercare(episode, outcome, LocalDate.of(2026, 1, 1), before),
            new EndAftercare(episode, AftercareEndReason.PERSON_CHOSE, before),
            new GiveFeedback(episode, before, "en", false, false),
            new CloseEpisode(episode, ClosureReason.OTHER, before));
    for (Command command : commands) {
      fixture
          .given(referral())
          .when(command)
          .expectNoEvents()
          .expectException(withCode(BusinessErrorCode.OCCURRED_BEFORE_REFERRAL));
    }
  }

  @Test
  void everyCommand_rejected_whenEpisodeUnknown() {
    fixture.registerCommandHandlerInterceptor(
        new CommandRulesInterceptor(Clock.fixed(day(400), ZoneOffset.UTC)));
    fixture
        .givenNoPriorActivity()
        .when(recordContact(contact, worker, day(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.EPISODE_NOT_FOUND));
  }

  private Instant day(int days) {
    return referredAt.plus(DAY.multipliedBy(days));
  }

  private ReferralReceived referral() {
    return new ReferralReceived(episode, person, service, ReferralSource.GP, referredAt);
  }

  private EpisodeClosed closed(Instant at) {
    return new EpisodeClosed(episode, ClosureReason.PLANNED_COMPLETION, at);
  }

  private OutcomeAchieved outcomeAchieved(Instant at) {
    return new OutcomeAchieved(episode, outcome, OutcomeType.HOUSING_SECURED, true, at);
  }

  private AftercarePlanned aftercarePlanned(Instant at) {
    return new AftercarePlanned(episode, outcome, LocalDate.of(2025, 8, 1), at);
  }

  private RecordContact recordContact(ContactId id, WorkerId by, Instant at) {
    return new RecordContact(
        episode,
        id,
        by,
        at,
        50,
        ContactMode.IN_PERSON,
        ContactSetting.PRIVATE_ROOM,
        InitiatedBy.PERSON,
        InterpreterUse.IN_PERSON,
        Set.of(Choice.PLACE, Choice.TIME),
        true,
        ContactPurpose.SUPPORT);
  }

  private ContactRecorded contactRecorded(ContactId id, Instant at) {
    return new ContactRecorded(
        episode,
        id,
        worker,
        at,
        50,
        ContactMode.IN_PERSON,
        ContactSetting.PRIVATE_ROOM,
        InitiatedBy.PERSON,
        InterpreterUse.IN_PERSON,
        Set.of(Choice.TIME, Choice.PLACE),
        true,
        ContactPurpose.SUPPORT);
  }
}
