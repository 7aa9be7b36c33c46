package cymru.calon.projections.figures;

import static cymru.calon.projections.schema.Tables.AFTERCARE_END;
import static cymru.calon.projections.schema.Tables.APPOINTMENT_MISSED;
import static cymru.calon.projections.schema.Tables.CHECK_IN;
import static cymru.calon.projections.schema.Tables.CONTACT;
import static cymru.calon.projections.schema.Tables.EPISODE;
import static cymru.calon.projections.schema.Tables.EPISODE_SCOPE_CHANGE;
import static cymru.calon.projections.schema.Tables.FEEDBACK;
import static cymru.calon.projections.schema.Tables.KEY_WORKER_CHANGE;
import static cymru.calon.projections.schema.Tables.OUTCOME;
import static cymru.calon.projections.schema.Tables.STORY_SHARED;
import static cymru.calon.projections.schema.Tables.TRUST_MILESTONE;

import cymru.calon.commands.api.episode.AftercareEnded;
import cymru.calon.commands.api.episode.AppointmentMissed;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.EpisodeClosed;
import cymru.calon.commands.api.episode.FeedbackGiven;
import cymru.calon.commands.api.episode.OutcomeAchieved;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.RelationalCheckInRecorded;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.episode.TrustMilestoneReached;
import cymru.calon.commands.api.episode.WorkerAssigned;
import cymru.calon.commands.api.episode.WorkerHandedOver;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.projections.batch.BatchWrites;
import cymru.calon.projections.batch.DeferredIndexes;
import cymru.calon.projections.batch.EventPosition;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The episode read models of METRICS.md: one summary row per episode and one fact row per contact,
 * missed appointment, trust milestone, check-in, outcome, end of aftercare, feedback and change of
 * key worker. Each fact row carries its service, when it happened and when it was recorded.
 *
 * <p>Handlers only add to the batch's buffer ({@link EpisodeFiguresWrites}); the buffer is written
 * as a few multi-row statements when the processor commits the batch. Every write is idempotent:
 * fact rows are keyed by a natural id or the event's identifier, and the summary's derived values
 * only move to an earlier time (or, for the closure, are set once).
 */
@Component
@ProcessingGroup(EpisodeFiguresProjection.PROCESSING_GROUP)
public class EpisodeFiguresProjection {
  public static final String PROCESSING_GROUP = "episode-figures-v1";
  private static final int REMEMBERED_EPISODES = 200_000;

  private final DSLContext db;
  private final EpisodeServices services = new EpisodeServices(REMEMBERED_EPISODES);
  private final CommittedSummaries committed = new CommittedSummaries(REMEMBERED_EPISODES);
  private final BatchWrites<EpisodeFiguresWrites> writes;

  public EpisodeFiguresProjection(DSLContext db) {
    this.db = db;
    this.writes =
        new BatchWrites<>(PROCESSING_GROUP, () -> new EpisodeFiguresWrites(db, committed));
  }

  @EventHandler
  void on(ReferralReceived event, @Timestamp Instant recordedAt, TrackingToken token) {
    UUID episode = event.episodeId().value();
    services.remember(episode, event.serviceId().value());
    add(
        event.serviceId().value(),
        token,
        w ->
            w.episode(
                episode,
                event.serviceId().value(),
                event.personId().value(),
                event.occurredAt(),
                recordedAt));
  }

  @EventHandler
  void on(
      WorkerAssigned event,
      @MessageIdentifier String eventId,
      @SequenceNumber long sequence,
      @Timestamp Instant recordedAt,
      TrackingToken token) {
    UUID service = serviceOf(event.episodeId());
    add(
        service,
        token,
        w ->
            w.keyWorkerChange(
                UUID.fromString(eventId),
                event.episodeId().value(),
                service,
                event.occurredAt(),
                recordedAt,
                sequence,
                event.workerId().value(),
                null,
                null,
                null));
  }

  @EventHandler
  void on(
      WorkerHandedOver event,
      @MessageIdentifier String eventId,
      @SequenceNumber long sequence,
      @Timestamp Instant recordedAt,
      TrackingToken token) {
    UUID service = serviceOf(event.episodeId());
    add(
        service,
        token,
        w ->
            w.keyWorkerChange(
                UUID.fromString(eventId),
                event.episodeId().value(),
                service,
                event.occurredAt(),
                recordedAt,
                sequence,
                event.toWorkerId().value(),
                event.fromWorkerId().value(),
                event.reason().name(),
                event.warmIntroduction()));
  }

  @EventHandler
  void on(
      ContactRecorded event,
      @SequenceNumber long sequence,
      @Timestamp Instant recordedAt,
      TrackingToken token) {
    UUID service = serviceOf(event.episodeId());
    add(service, token, w -> w.contact(event, service, recordedAt, sequence));
  }

  @EventHandler
  void on(
      AppointmentMissed event,
      @MessageIdentifier String eventId,
      @Timestamp Instant recordedAt,
      TrackingToken token) {
    UUID service = serviceOf(event.episodeId());
    add(
        service,
        token,
        w -> {
          var row = db.newRecord(APPOINTMENT_MISSED);
          row.setEventId(UUID.fromString(eventId));
          row.setEpisodeId(event.episodeId().value());
          row.setServiceId(service);
          row.setOccurredAt(EpisodeFiguresWrites.utc(event.occurredAt()));
          row.setRecordedAt(EpisodeFiguresWrites.utc(recordedAt));
          row.setMissedBy(event.missedBy().name());
          row.setFollowUp(event.followUp().name());
          w.missed(row);
        });
  }

  @EventHandler
  void on(
      TrustMilestoneReached event,
      @MessageIdentifier String eventId,
      @Timestamp Instant recordedAt,
      TrackingToken token) {
    UUID service = serviceOf(event.episodeId());
    add(
        service,
        token,
        w -> {
          var row = db.newRecord(TRUST_MILESTONE);
          row.setEventId(UUID.fromString(eventId));
          row.setEpisodeId(event.episodeId().value());
          row.setServiceId(service);
          row.setOccurredAt(EpisodeFiguresWrites.utc(event.occurredAt()));
          row.setRecordedAt(EpisodeFiguresWrites.utc(recordedAt));
          row.setMarker(event.marker().name());
          w.milestone(row);
          w.trustPoint(event.episodeId().value(), event.occurredAt(), recordedAt);
        });
  }

  @EventHandler
  void on(
      RelationalCheckInRecorded event,
      @MessageIdentifier String eventId,
      @Timestamp Instant recordedAt,
      TrackingToken token) {
    UUID service = serviceOf(event.episodeId());
    add(
        service,
        token,
        w -> {
          var row = db.newRecord(CHECK_IN);
          row.setEventId(UUID.fromString(eventId));
          row.setEpisodeId(event.episodeId().value());
          row.setServiceId(service);
          row.setOccurredAt(EpisodeFiguresWrites.utc(event.occurredAt()));
          row.setRecordedAt(EpisodeFiguresWrites.utc(recordedAt));
          row.setListenedTo((short) event.listenedTo());
          row.setHadASay((short) event.hadASay());
          row.setTrustWorker((short) event.trustWorker());
          row.setFeltSafe((short) event.feltSafe());
          w.checkIn(row);
          if (event.trustWorker() >= TRUSTS_WORKER) {
            w.trustPoint(event.episodeId().value(), event.occurredAt(), recordedAt);
          }
        });
  }

  /** A check-in with trustWorker at least this marks the trust point (METRICS.md R1). */
  static final int TRUSTS_WORKER = 4;

  @EventHandler
  void on(OutcomeAchieved event, @Timestamp Instant recordedAt, TrackingToken token) {
    UUID service = serviceOf(event.episodeId());
    add(
        service,
        token,
        w -> {
          var row = db.newRecord(OUTCOME);
          row.setOutcomeId(event.outcomeId().value());
          row.setEpisodeId(event.episodeId().value());
          row.setServiceId(service);
          row.setOccurredAt(EpisodeFiguresWrites.utc(event.occurredAt()));
          row.setRecordedAt(EpisodeFiguresWrites.utc(recordedAt));
          row.setOutcomeType(event.outcomeType().name());
          row.setPersonDefined(event.personDefined());
          w.outcome(row);
        });
  }

  @EventHandler
  void on(
      AftercareEnded event,
      @MessageIdentifier String eventId,
      @Timestamp Instant recordedAt,
      TrackingToken token) {
    UUID service = serviceOf(event.episodeId());
    add(
        service,
        token,
        w -> {
          var row = db.newRecord(AFTERCARE_END);
          row.setEventId(UUID.fromString(eventId));
          row.setEpisodeId(event.episodeId().value());
          row.setServiceId(service);
          row.setOccurredAt(EpisodeFiguresWrites.utc(event.occurredAt()));
          row.setRecordedAt(EpisodeFiguresWrites.utc(recordedAt));
          row.setReason(event.reason().name());
          w.aftercareEnd(row);
        });
  }

  @EventHandler
  void on(
      FeedbackGiven event,
      @MessageIdentifier String eventId,
      @Timestamp Instant recordedAt,
      TrackingToken token) {
    UUID service = serviceOf(event.episodeId());
    add(
        service,
        token,
        w -> {
          var row = db.newRecord(FEEDBACK);
          row.setEventId(UUID.fromString(eventId));
          row.setEpisodeId(event.episodeId().value());
          row.setServiceId(service);
          row.setOccurredAt(EpisodeFiguresWrites.utc(event.occurredAt()));
          row.setRecordedAt(EpisodeFiguresWrites.utc(recordedAt));
          row.setComplaint(event.complaint());
          w.feedback(row);
        });
  }

  /** R11 counts stories; their text never reaches this projection's tables. */
  @EventHandler
  void on(StoryShared event, @Timestamp Instant recordedAt, TrackingToken token) {
    UUID service = serviceOf(event.episodeId());
    add(
        service,
        token,
        w -> {
          var row = db.newRecord(STORY_SHARED);
          row.setStoryId(event.storyId().value());
          row.setEpisodeId(event.episodeId().value());
          row.setServiceId(service);
          row.setOccurredAt(EpisodeFiguresWrites.utc(event.occurredAt()));
          row.setRecordedAt(EpisodeFiguresWrites.utc(recordedAt));
          w.story(row);
        });
  }

  @EventHandler
  void on(EpisodeClosed event, @Timestamp Instant recordedAt, TrackingToken token) {
    add(
        serviceOf(event.episodeId()),
        token,
        w ->
            w.closure(
                event.episodeId().value(), event.reason().name(), event.occurredAt(), recordedAt));
  }

  /** Adds the event's rows, and notes that the service's figures have changed. */
  private void add(UUID service, TrackingToken token, Consumer<EpisodeFiguresWrites> rows) {
    OptionalLong position = EventPosition.of(token);
    writes.add(
        w -> {
          rows.accept(w);
          position.ifPresent(p -> w.changed(service, p));
        });
  }

  /**
   * Empties the tables for a replay, which goes without their secondary indexes: they are built
   * again once the processor has caught up ({@link DeferredIndexes}).
   */
  @ResetHandler
  void reset() {
    services.clear();
    committed.clear();
    Table<?>[] tables = {
      EPISODE,
      CONTACT,
      APPOINTMENT_MISSED,
      TRUST_MILESTONE,
      CHECK_IN,
      OUTCOME,
      AFTERCARE_END,
      FEEDBACK,
      STORY_SHARED,
      KEY_WORKER_CHANGE,
      EPISODE_SCOPE_CHANGE
    };
    db.truncate(tables).execute();
    DeferredIndexes.defer(db, PROCESSING_GROUP, tables);
  }

  /** Events of one episode arrive in order, so its referral has always been handled first. */
  private UUID serviceOf(EpisodeId episodeId) {
    UUID episode = episodeId.value();
    UUID service = services.get(episode);
    if (service == null) {
      service =
          db.select(EPISODE.SERVICE_ID)
              .from(EPISODE)
              .where(EPISODE.EPISODE_ID.eq(episode))
              .fetchOptional(EPISODE.SERVICE_ID)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Episode " + episode + " has an event before its referral."));
      services.remember(episode, service);
    }
    return service;
  }
}
