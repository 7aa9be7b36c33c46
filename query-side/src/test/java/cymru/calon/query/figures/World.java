package cymru.calon.query.figures;

import cymru.calon.commands.api.episode.AftercareEndReason;
import cymru.calon.commands.api.episode.AftercareEnded;
import cymru.calon.commands.api.episode.AppointmentMissed;
import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ClosureReason;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.EpisodeClosed;
import cymru.calon.commands.api.episode.FeedbackGiven;
import cymru.calon.commands.api.episode.FollowUp;
import cymru.calon.commands.api.episode.HandoverReason;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.MissedBy;
import cymru.calon.commands.api.episode.ObservedBy;
import cymru.calon.commands.api.episode.OutcomeAchieved;
import cymru.calon.commands.api.episode.OutcomeType;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.episode.RelationalCheckInRecorded;
import cymru.calon.commands.api.episode.TrustMarker;
import cymru.calon.commands.api.episode.TrustMilestoneReached;
import cymru.calon.commands.api.episode.WorkerAssigned;
import cymru.calon.commands.api.episode.WorkerHandedOver;
import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.Identifier;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.OutcomeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.RelationalCommitments;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.worker.ReflectivePracticeKind;
import cymru.calon.commands.api.worker.ReflectivePracticeRecorded;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import cymru.calon.commands.api.worker.WorkerRole;
import cymru.calon.projections.figures.EpisodeFiguresProjection;
import cymru.calon.projections.figures.StaffFiguresProjection;
import cymru.calon.testsupport.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.jooq.DSLContext;

/**
 * A history fed event by event through the figures' real projections (as Axon would deliver them:
 * domain event messages with identifiers, sequence numbers and store timestamps) into real
 * PostgreSQL. Unless told otherwise, an event is recorded an hour after it occurred.
 */
final class World {
  private static DSLContext shared;

  final DSLContext db;
  private final List<AnnotationEventHandlerAdapter> projections;
  private final Map<UUID, Long> sequences = new HashMap<>();
  private final List<GenericTrackedDomainEventMessage<?>> delivered = new ArrayList<>();
  private static long position;
  private final OrganisationId organisation = new OrganisationId(UUID.randomUUID());
  private static final Duration RECORDING_DELAY = Duration.ofHours(1);
  private Instant recordAt;

  private World(DSLContext db) {
    this.db = db;
    this.projections =
        List.of(
            new AnnotationEventHandlerAdapter(new EpisodeFiguresProjection(db)),
            new AnnotationEventHandlerAdapter(new StaffFiguresProjection(db)));
  }

  /** A fresh organisation in a database shared by the tests (their ids never overlap). */
  static synchronized World create() {
    if (shared == null) {
      shared = TestPostgres.newReadModel();
    }
    return new World(shared);
  }

  OrganisationId organisation() {
    return organisation;
  }

  /** Events from now on are recorded at this instant, until {@link #recordSoon}. */
  World recordAt(Instant instant) {
    this.recordAt = instant;
    return this;
  }

  World recordSoon() {
    this.recordAt = null;
    return this;
  }

  void apply(Object event, Instant occurredAt) {
    Identifier id = aggregateId(event);
    long sequence = sequences.merge(id.value(), 0L, (old, zero) -> old + 1);
    Instant recorded = recordAt != null ? recordAt : occurredAt.plus(RECORDING_DELAY);
    var domainMessage =
        new GenericDomainEventMessage<>(
            event.getClass().getSimpleName(),
            id.value().toString(),
            sequence,
            event,
            MetaData.emptyInstance(),
            UUID.randomUUID().toString(),
            recorded);
    var message = new GenericTrackedDomainEventMessage<>(nextPosition(), domainMessage);
    delivered.add(message);
    deliver(message);
  }

  /** Delivers every event again, as a processor does after a crash before its token was stored. */
  void redeliverAll() {
    delivered.forEach(this::deliver);
  }

  private static synchronized GlobalSequenceTrackingToken nextPosition() {
    return new GlobalSequenceTrackingToken(++position);
  }

  private void deliver(GenericTrackedDomainEventMessage<?> message) {
    try {
      for (var projection : projections) {
        if (projection.canHandle(message)) {
          projection.handle(message);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Identifier aggregateId(Object event) {
    try {
      return (Identifier) event.getClass().getRecordComponents()[0].getAccessor().invoke(event);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- services and staff ----

  ServiceId service(Integer waitingWorkingDays, Integer maxEpisodeDays) {
    ServiceId service = new ServiceId(UUID.randomUUID());
    Instant at = Instant.parse("2023-01-02T09:00:00Z");
    apply(
        new ServiceCommissioned(
            service,
            organisation,
            new CommissionerId(UUID.randomUUID()),
            "Test service",
            Cohort.SUBSTANCE_USE,
            "W06000015",
            LocalDate.parse("2023-01-01"),
            LocalDate.parse("2027-12-31"),
            new KpiTargets(waitingWorkingDays, maxEpisodeDays),
            RelationalCommitments.none(),
            at),
        at);
    return service;
  }

  WorkerId worker(String joinedAt) {
    WorkerId worker = new WorkerId(UUID.randomUUID());
    Instant at = Instant.parse(joinedAt);
    apply(new WorkerJoined(worker, organisation, WorkerRole.KEY_WORKER, false, at), at);
    return worker;
  }

  void workerLeft(WorkerId worker, String at) {
    apply(new WorkerLeft(worker, Instant.parse(at)), Instant.parse(at));
  }

  void reflectivePractice(WorkerId worker, String at, int minutes) {
    apply(
        new ReflectivePracticeRecorded(
            worker, Instant.parse(at), minutes, ReflectivePracticeKind.SUPERVISION),
        Instant.parse(at));
  }

  // ---- episodes ----

  EpisodeId referral(ServiceId service, PersonId person, String at) {
    EpisodeId episode = new EpisodeId(UUID.randomUUID());
    apply(
        new ReferralReceived(episode, person, service, ReferralSource.SELF, Instant.parse(at)),
        Instant.parse(at));
    return episode;
  }

  EpisodeId referral(ServiceId service, String at) {
    return referral(service, new PersonId(UUID.randomUUID()), at);
  }

  Contact contact(EpisodeId episode, WorkerId worker, String at) {
    return new Contact(episode, worker, Instant.parse(at));
  }

  void assign(EpisodeId episode, WorkerId worker, String at) {
    apply(new WorkerAssigned(episode, worker, Instant.parse(at)), Instant.parse(at));
  }

  void handOver(
      EpisodeId episode,
      WorkerId from,
      WorkerId to,
      HandoverReason reason,
      boolean warm,
      String at) {
    apply(
        new WorkerHandedOver(episode, from, to, reason, warm, Instant.parse(at)),
        Instant.parse(at));
  }

  void milestone(EpisodeId episode, TrustMarker marker, String at) {
    apply(
        new TrustMilestoneReached(episode, marker, ObservedBy.WORKER, Instant.parse(at)),
        Instant.parse(at));
  }

  void checkIn(EpisodeId episode, String at, int listenedTo, int hadASay, int trust, int safe) {
    apply(
        new RelationalCheckInRecorded(
            episode, Instant.parse(at), listenedTo, hadASay, trust, safe, "en"),
        Instant.parse(at));
  }

  void outcome(EpisodeId episode, String at) {
    apply(
        new OutcomeAchieved(
            episode,
            new OutcomeId(UUID.randomUUID()),
            OutcomeType.HOUSING_SECURED,
            true,
            Instant.parse(at)),
        Instant.parse(at));
  }

  void aftercareEnded(EpisodeId episode, String at) {
    apply(
        new AftercareEnded(episode, AftercareEndReason.PLANNED, Instant.parse(at)),
        Instant.parse(at));
  }

  void missed(EpisodeId episode, MissedBy by, FollowUp followUp, String at) {
    apply(new AppointmentMissed(episode, Instant.parse(at), by, followUp), Instant.parse(at));
  }

  void feedback(EpisodeId episode, boolean complaint, String at) {
    apply(new FeedbackGiven(episode, Instant.parse(at), "cy", false, complaint), Instant.parse(at));
  }

  void close(EpisodeId episode, ClosureReason reason, String at) {
    apply(new EpisodeClosed(episode, reason, Instant.parse(at)), Instant.parse(at));
  }

  /** A contact with plain defaults (45 minutes, in person, private room, support) to vary. */
  final class Contact {
    private final EpisodeId episode;
    private final WorkerId worker;
    private final Instant at;
    private int minutes = 45;
    private ContactMode mode = ContactMode.IN_PERSON;
    private ContactSetting setting = ContactSetting.PRIVATE_ROOM;
    private InterpreterUse interpreter = InterpreterUse.NONE;
    private Set<Choice> choices = Set.of();
    private boolean storyRetold;
    private ContactPurpose purpose = ContactPurpose.SUPPORT;

    private Contact(EpisodeId episode, WorkerId worker, Instant at) {
      this.episode = episode;
      this.worker = worker;
      this.at = at;
    }

    Contact minutes(int value) {
      minutes = value;
      return this;
    }

    Contact mode(ContactMode value) {
      mode = value;
      return this;
    }

    Contact setting(ContactSetting value) {
      setting = value;
      return this;
    }

    Contact interpreter(InterpreterUse value) {
      interpreter = value;
      return this;
    }

    Contact choices(Choice... values) {
      choices = Set.of(values);
      return this;
    }

    Contact retold() {
      storyRetold = true;
      return this;
    }

    Contact purpose(ContactPurpose value) {
      purpose = value;
      return this;
    }

    void record() {
      apply(
          new ContactRecorded(
              episode,
              new ContactId(UUID.randomUUID()),
              worker,
              at,
              minutes,
              mode,
              setting,
              InitiatedBy.WORKER,
              interpreter,
              choices,
              storyRetold,
              purpose),
          at);
    }
  }
}
