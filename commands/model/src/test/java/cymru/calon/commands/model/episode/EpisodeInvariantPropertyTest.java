package cymru.calon.commands.model.episode;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.episode.AchieveOutcome;
import cymru.calon.commands.api.episode.AftercareEndReason;
import cymru.calon.commands.api.episode.AftercareEnded;
import cymru.calon.commands.api.episode.AftercarePlanned;
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
import cymru.calon.commands.api.episode.EpisodeEvent;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * Random command sequences against one episode, through Axon's real command handling with the field
 * and clock rules in front: whatever is accepted, the stored history never breaks an invariant of
 * DOMAIN.md, and a refused command stores nothing.
 */
class EpisodeInvariantPropertyTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Instant REFERRED_AT = Instant.parse("2025-03-28T10:00:00Z");
  private static final Instant NOW = REFERRED_AT.plus(Duration.ofDays(400));
  private static final OrganisationId ORGANISATION = new OrganisationId(UUID.randomUUID());
  private static final ServiceId SERVICE = new ServiceId(UUID.randomUUID());
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  /** Workers in post throughout, leaving, joining late, of another organisation, and unknown. */
  private static final List<WorkerId> WORKERS =
      List.of(worker(1), worker(2), worker(3), worker(4), worker(5), worker(6));

  private static final Map<WorkerId, WorkerFacts> WORKER_FACTS =
      Map.of(
          WORKERS.get(0), new WorkerFacts(WORKERS.get(0), ORGANISATION, LONG_AGO, null),
          WORKERS.get(1), new WorkerFacts(WORKERS.get(1), ORGANISATION, LONG_AGO, null),
          WORKERS.get(2),
              new WorkerFacts(WORKERS.get(2), ORGANISATION, LONG_AGO, REFERRED_AT.plus(days(30))),
          WORKERS.get(3),
              new WorkerFacts(WORKERS.get(3), ORGANISATION, REFERRED_AT.plus(days(20)), null),
          WORKERS.get(4),
              new WorkerFacts(
                  WORKERS.get(4), new OrganisationId(UUID.randomUUID()), LONG_AGO, null));

  private static final List<ContactId> CONTACTS =
      List.of(contact(1), contact(2), contact(3), contact(4));
  private static final List<OutcomeId> OUTCOMES = List.of(outcome(1), outcome(2));
  private static final List<StoryId> STORIES =
      List.of(new StoryId(new UUID(7, 1)), new StoryId(new UUID(7, 2)));

  private static final PersonalDataSealer SEALER =
      new PersonalDataSealer() {
        @Override
        public Sealed sealDetails(PersonId personId, ProtectedDetails details) {
          throw new AssertionError("an episode seals no details");
        }

        @Override
        public Sealed sealStory(PersonId personId, StoryId storyId, String text) {
          return new Sealed("sealed");
        }
      };

  private Configuration axon;
  private CommandGateway commands;
  private EventStore events;

  @BeforeProperty
  void startAxon() {
    ServiceLookup services =
        id ->
            id.equals(SERVICE)
                ? Optional.of(
                    new ServiceFacts(SERVICE, ORGANISATION, new CommissionerId(UUID.randomUUID())))
                : Optional.empty();
    WorkerLookup workers = id -> Optional.ofNullable(WORKER_FACTS.get(id));
    // Everyone referred is registered with the organisation and consented long ago.
    PersonLookup people =
        id ->
            Optional.of(
                new PersonFacts(
                    id,
                    ORGANISATION,
                    null,
                    new java.util.TreeMap<>(
                        java.util.Map.of(Instant.parse("2000-01-01T00:00:00Z"), true))));
    axon =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(SupportEpisode.class)
            .registerComponent(ServiceLookup.class, c -> services)
            .registerComponent(WorkerLookup.class, c -> workers)
            .registerComponent(PersonLookup.class, c -> people)
            .registerComponent(PersonalDataSealer.class, c -> SEALER)
            .buildConfiguration();
    axon.start();
    axon.commandBus()
        .registerHandlerInterceptor(new CommandRulesInterceptor(Clock.fixed(NOW, ZoneOffset.UTC)));
    commands = axon.commandGateway();
    events = axon.eventStore();
  }

  @AfterProperty
  void stopAxon() {
    axon.shutdown();
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void acceptedHistoryKeepsEveryInvariant_andRefusalsStoreNothing(
      @ForAll("sequences") List<Command> sequence) {
    EpisodeId episode = new EpisodeId(UUID.randomUUID());
    for (Command template : sequence) {
      Command command = forEpisode(template, episode);
      List<EpisodeEvent> before = history(episode);
      boolean accepted;
      try {
        commands.sendAndWait(command);
        accepted = true;
      } catch (CommandExecutionException refused) {
        accepted = false;
      }
      List<EpisodeEvent> after = history(episode);
      if (accepted) {
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
      } else {
        assertThat(after).as("a refused %s stores nothing", command).isEqualTo(before);
      }
      assertInvariants(after);
    }
    // Guards against a vacuous property: the sequences must build rich, sometimes closed,
    // histories.
    List<EpisodeEvent> history = history(episode);
    Statistics.label("history").collect(history.size() >= 6 ? "6 or more events" : "fewer");
    Statistics.label("closed").collect(history.stream().anyMatch(EpisodeClosed.class::isInstance));
    Statistics.label("handed over")
        .collect(history.stream().anyMatch(WorkerHandedOver.class::isInstance));
    Statistics.label("history")
        .coverage(check -> check.check("6 or more events").percentage(p -> p >= 20));
    Statistics.label("closed").coverage(check -> check.check(true).percentage(p -> p >= 10));
    Statistics.label("handed over").coverage(check -> check.check(true).percentage(p -> p >= 5));
  }

  private List<EpisodeEvent> history(EpisodeId episode) {
    return events
        .readEvents(episode.toString())
        .asStream()
        .map(DomainEventMessage::getPayload)
        .map(EpisodeEvent.class::cast)
        .toList();
  }

  /** Every invariant of DOMAIN.md that a single episode's history can show. */
  private static void assertInvariants(List<EpisodeEvent> history) {
    if (history.isEmpty()) {
      return;
    }
    assertThat(history.getFirst()).isInstanceOf(ReferralReceived.class);
    assertThat(history.stream().filter(ReferralReceived.class::isInstance)).hasSize(1);
    Instant referredAt = history.getFirst().occurredAt();
    Instant closedAt =
        history.stream()
            .filter(EpisodeClosed.class::isInstance)
            .map(EpisodeEvent::occurredAt)
            .findFirst()
            .orElse(null);
    assertThat(history.stream().filter(EpisodeClosed.class::isInstance).count())
        .isLessThanOrEqualTo(1);

    Set<ContactId> contacts = new HashSet<>();
    Set<StoryId> stories = new HashSet<>();
    Map<OutcomeId, Instant> outcomes = new HashMap<>();
    List<Instant> keyWorkerChangeTimes = new ArrayList<>();
    List<WorkerId> keyWorkers = new ArrayList<>();
    int aftercareOpen = 0;
    for (EpisodeEvent event : history) {
      Instant at = event.occurredAt();
      assertThat(at).isAfterOrEqualTo(referredAt).isBeforeOrEqualTo(NOW.plusSeconds(300));
      if (closedAt != null) {
        Instant limit =
            event instanceof FeedbackGiven || event instanceof StoryShared
                ? closedAt.plus(SupportEpisode.FEEDBACK_WINDOW)
                : closedAt;
        assertThat(at).as("%s after closure", event).isBeforeOrEqualTo(limit);
      }
      switch (event) {
        case WorkerAssigned e -> {
          assertThat(keyWorkers).as("one assignment only").isEmpty();
          assertInPost(e.workerId(), at);
          keyWorkerChangeTimes.add(at);
          keyWorkers.add(e.workerId());
        }
        case WorkerHandedOver e -> {
          assertThat(keyWorkers).isNotEmpty();
          assertThat(at).isAfterOrEqualTo(keyWorkerChangeTimes.getLast());
          assertThat(e.fromWorkerId()).isEqualTo(keyWorkers.getLast()).isNotEqualTo(e.toWorkerId());
          assertInPost(e.toWorkerId(), at);
          keyWorkerChangeTimes.add(at);
          keyWorkers.add(e.toWorkerId());
        }
        case ContactRecorded e -> {
          assertThat(contacts.add(e.contactId())).as("contact ids are unique").isTrue();
          assertInPost(e.workerId(), at);
        }
        case TrustMilestoneReached e -> assertThat(contacts).isNotEmpty();
        case StoryShared e ->
            assertThat(stories.add(e.storyId())).as("story ids are unique").isTrue();
        case RelationalCheckInRecorded e -> assertThat(contacts).isNotEmpty();
        case OutcomeAchieved e ->
            assertThat(outcomes.put(e.outcomeId(), at)).as("outcome ids are unique").isNull();
        case AftercarePlanned e -> {
          assertThat(outcomes).containsKey(e.outcomeId());
          assertThat(e.until()).isAfter(LocalDate.ofInstant(outcomes.get(e.outcomeId()), LONDON));
          aftercareOpen++;
        }
        case AftercareEnded e -> {
          assertThat(aftercareOpen).as("aftercare ends only when planned").isPositive();
          aftercareOpen--;
        }
        default -> {}
      }
    }
  }

  private static void assertInPost(WorkerId workerId, Instant at) {
    WorkerFacts facts = WORKER_FACTS.get(workerId);
    assertThat(facts).as("a known worker").isNotNull();
    assertThat(facts.organisationId()).isEqualTo(ORGANISATION);
    assertThat(facts.inPostAt(at)).as("in post").isTrue();
  }

  @Provide
  Arbitrary<List<Command>> sequences() {
    Arbitrary<Command> any =
        Arbitraries.frequencyOf(
            Tuple.of(1, referrals()),
            Tuple.of(3, assignments()),
            Tuple.of(3, handovers()),
            Tuple.of(6, contacts()),
            Tuple.of(2, missed()),
            Tuple.of(2, milestones()),
            Tuple.of(2, checkIns()),
            Tuple.of(3, outcomesAchieved()),
            Tuple.of(3, aftercarePlans()),
            Tuple.of(2, aftercareEnds()),
            Tuple.of(2, feedback()),
            Tuple.of(2, stories()),
            Tuple.of(1, closures()));
    return Combinators.combine(referrals(), any.list().ofMinSize(10).ofMaxSize(40))
        .as(
            (first, rest) -> {
              List<Command> all = new ArrayList<>();
              all.add(first);
              all.addAll(rest);
              return all;
            });
  }

  /** Times from before the referral to after the clock, bunched so that collisions happen. */
  private static Arbitrary<Instant> times() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(0, 120).map(d -> REFERRED_AT.plus(days(d)))),
        Tuple.of(1, Arbitraries.integers().between(-3, 420).map(d -> REFERRED_AT.plus(days(d)))),
        Tuple.of(
            1,
            Arbitraries.of(
                REFERRED_AT,
                REFERRED_AT.minusSeconds(1),
                REFERRED_AT.plus(days(30)),
                REFERRED_AT.plus(days(20)),
                NOW.plusSeconds(301))));
  }

  /** Mostly the two workers in post throughout, so that histories grow; the rest to be refused. */
  private static Arbitrary<WorkerId> workers() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(WORKERS.get(0))),
        Tuple.of(4, Arbitraries.just(WORKERS.get(1))),
        Tuple.of(4, Arbitraries.of(WORKERS.subList(2, WORKERS.size()))));
  }

  private static Arbitrary<Command> referrals() {
    return Combinators.combine(
            Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.just(SERVICE)),
                Tuple.of(1, Arbitraries.just(new ServiceId(UUID.randomUUID())))),
            Arbitraries.of(ReferralSource.class),
            Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.just(REFERRED_AT)), Tuple.of(1, times())))
        .as(
            (service, source, at) ->
                new ReceiveReferral(null, new PersonId(UUID.randomUUID()), service, source, at));
  }

  private static Arbitrary<Command> assignments() {
    return Combinators.combine(workers(), times()).as((w, at) -> new AssignWorker(null, w, at));
  }

  private static Arbitrary<Command> handovers() {
    return Combinators.combine(
            workers(),
            workers(),
            Arbitraries.of(HandoverReason.class),
            Arbitraries.of(true, false),
            times())
        .as((from, to, reason, warm, at) -> new HandOverWorker(null, from, to, reason, warm, at));
  }

  private static Arbitrary<Command> contacts() {
    return Combinators.combine(
            Arbitraries.of(CONTACTS),
            workers(),
            times(),
            Arbitraries.of(ContactPurpose.class),
            Arbitraries.of(0, 1, 30, 720, 721))
        .as(
            (id, w, at, purpose, minutes) ->
                new RecordContact(
                    null,
                    id,
                    w,
                    at,
                    minutes,
                    ContactMode.IN_PERSON,
                    ContactSetting.PRIVATE_ROOM,
                    InitiatedBy.PERSON,
                    InterpreterUse.NONE,
                    Set.of(Choice.TIME),
                    false,
                    purpose));
  }

  private static Arbitrary<Command> missed() {
    return Combinators.combine(times(), Arbitraries.of(MissedBy.class))
        .as((at, by) -> new RecordMissedAppointment(null, at, by, FollowUp.CALL));
  }

  private static Arbitrary<Command> milestones() {
    return Combinators.combine(Arbitraries.of(TrustMarker.class), times())
        .as((marker, at) -> new RecordTrustMilestone(null, marker, ObservedBy.WORKER, at));
  }

  private static Arbitrary<Command> checkIns() {
    return Combinators.combine(times(), Arbitraries.integers().between(0, 6))
        .as((at, score) -> new RecordRelationalCheckIn(null, at, score, 4, 4, 4, "cy"));
  }

  private static Arbitrary<Command> outcomesAchieved() {
    return Combinators.combine(Arbitraries.of(OUTCOMES), Arbitraries.of(OutcomeType.class), times())
        .as((id, type, at) -> new AchieveOutcome(null, id, type, true, at));
  }

  private static Arbitrary<Command> aftercarePlans() {
    return Combinators.combine(
            Arbitraries.of(OUTCOMES), Arbitraries.integers().between(-2, 400), times())
        .as(
            (id, untilDay, at) ->
                new PlanAftercare(
                    null, id, LocalDate.ofInstant(REFERRED_AT, LONDON).plusDays(untilDay), at));
  }

  private static Arbitrary<Command> aftercareEnds() {
    return Combinators.combine(Arbitraries.of(AftercareEndReason.class), times())
        .as((reason, at) -> new EndAftercare(null, reason, at));
  }

  private static Arbitrary<Command> feedback() {
    return Combinators.combine(
            Arbitraries.oneOf(
                times(),
                Arbitraries.integers().between(300, 800).map(d -> REFERRED_AT.plus(days(d)))),
            Arbitraries.of(true, false))
        .as((at, complaint) -> new GiveFeedback(null, at, "en", false, complaint));
  }

  /** Stories, some re-using an id already shared, some long after any closure. */
  private static Arbitrary<Command> stories() {
    return Combinators.combine(
            Arbitraries.of(STORIES),
            Arbitraries.oneOf(
                times(),
                Arbitraries.integers().between(300, 800).map(d -> REFERRED_AT.plus(days(d)))))
        .as((story, at) -> new ShareStory(null, story, "My story", "en", Set.of(1), at));
  }

  private static Arbitrary<Command> closures() {
    Arbitrary<Instant> late =
        Arbitraries.integers().between(100, 200).map(d -> REFERRED_AT.plus(days(d)));
    return Combinators.combine(
            Arbitraries.of(ClosureReason.class), Arbitraries.oneOf(late, times()))
        .as((reason, at) -> new CloseEpisode(null, reason, at));
  }

  /** The arbitraries build commands without an episode; each try gets a fresh one. */
  private static Command forEpisode(Command c, EpisodeId e) {
    return switch (c) {
      case ReceiveReferral r ->
          new ReceiveReferral(e, r.personId(), r.serviceId(), r.source(), r.occurredAt());
      case AssignWorker a -> new AssignWorker(e, a.workerId(), a.occurredAt());
      case HandOverWorker h ->
          new HandOverWorker(
              e,
              h.fromWorkerId(),
              h.toWorkerId(),
              h.reason(),
              h.warmIntroduction(),
              h.occurredAt());
      case RecordContact r ->
          new RecordContact(
              e,
              r.contactId(),
              r.workerId(),
              r.occurredAt(),
              r.minutes(),
              r.mode(),
              r.setting(),
              r.initiatedBy(),
              r.interpreter(),
              r.choicesOffered(),
              r.storyRetold(),
              r.purpose());
      case RecordMissedAppointment m ->
          new RecordMissedAppointment(e, m.occurredAt(), m.missedBy(), m.followUp());
      case RecordTrustMilestone t ->
          new RecordTrustMilestone(e, t.marker(), t.observedBy(), t.occurredAt());
      case RecordRelationalCheckIn r ->
          new RecordRelationalCheckIn(
              e,
              r.occurredAt(),
              r.listenedTo(),
              r.hadASay(),
              r.trustWorker(),
              r.feltSafe(),
              r.language());
      case AchieveOutcome a ->
          new AchieveOutcome(e, a.outcomeId(), a.outcomeType(), a.personDefined(), a.occurredAt());
      case PlanAftercare p -> new PlanAftercare(e, p.outcomeId(), p.until(), p.occurredAt());
      case EndAftercare a -> new EndAftercare(e, a.reason(), a.occurredAt());
      case GiveFeedback g ->
          new GiveFeedback(e, g.occurredAt(), g.language(), g.translated(), g.complaint());
      case CloseEpisode x -> new CloseEpisode(e, x.reason(), x.occurredAt());
      case ShareStory t ->
          new ShareStory(
              e, t.storyId(), t.text(), t.language(), t.relationalValues(), t.occurredAt());
      default -> throw new IllegalArgumentException("not an episode command");
    };
  }

  private static Duration days(long days) {
    return Duration.ofDays(days);
  }

  private static WorkerId worker(int n) {
    return new WorkerId(UUID.nameUUIDFromBytes(("worker-" + n).getBytes()));
  }

  private static ContactId contact(int n) {
    return new ContactId(UUID.nameUUIDFromBytes(("contact-" + n).getBytes()));
  }

  private static OutcomeId outcome(int n) {
    return new OutcomeId(UUID.nameUUIDFromBytes(("outcome-" + n).getBytes()));
  }
}
