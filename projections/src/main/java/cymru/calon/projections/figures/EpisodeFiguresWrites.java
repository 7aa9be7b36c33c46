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

import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.projections.batch.BatchWrites;
import cymru.calon.projections.batch.Rows;
import cymru.calon.projections.batch.ScopeChanges;
import cymru.calon.projections.schema.tables.records.AftercareEndRecord;
import cymru.calon.projections.schema.tables.records.AppointmentMissedRecord;
import cymru.calon.projections.schema.tables.records.CheckInRecord;
import cymru.calon.projections.schema.tables.records.ContactRecord;
import cymru.calon.projections.schema.tables.records.EpisodeRecord;
import cymru.calon.projections.schema.tables.records.FeedbackRecord;
import cymru.calon.projections.schema.tables.records.KeyWorkerChangeRecord;
import cymru.calon.projections.schema.tables.records.OutcomeRecord;
import cymru.calon.projections.schema.tables.records.StorySharedRecord;
import cymru.calon.projections.schema.tables.records.TrustMilestoneRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/** The episode read models' writes for one batch of events, in dependency order. */
final class EpisodeFiguresWrites implements BatchWrites.Buffer {
  private final DSLContext db;
  private final List<EpisodeRecord> episodes = new ArrayList<>();
  private final List<ContactRecord> contacts = new ArrayList<>();
  private final List<AppointmentMissedRecord> missed = new ArrayList<>();
  private final List<TrustMilestoneRecord> milestones = new ArrayList<>();
  private final List<CheckInRecord> checkIns = new ArrayList<>();
  private final List<OutcomeRecord> outcomes = new ArrayList<>();
  private final List<AftercareEndRecord> aftercareEnds = new ArrayList<>();
  private final List<FeedbackRecord> feedback = new ArrayList<>();
  private final List<StorySharedRecord> stories = new ArrayList<>();
  private final List<KeyWorkerChangeRecord> keyWorkerChanges = new ArrayList<>();
  private final Map<UUID, Moment> firstContacts = new LinkedHashMap<>();
  private final Map<UUID, Moment> trustPoints = new LinkedHashMap<>();
  private final Map<UUID, Instant> aftercareRecorded = new LinkedHashMap<>();
  private final List<Closure> closures = new ArrayList<>();
  // Sorted: concurrent segments then lock these shared rows in the same order, never deadlocking.
  private final Map<UUID, Long> changedServices = new TreeMap<>();

  /**
   * When something happened and when it was recorded. Of two moments the earlier wins; at the same
   * time, the one recorded first (so the result does not depend on how events were batched).
   */
  record Moment(Instant at, Instant recordedAt) {
    /** Whether this moment would win over, or tie with, {@code other} (see {@link #earlier}). */
    boolean notAfter(Moment other) {
      int byTime = at.compareTo(other.at);
      return byTime < 0 || (byTime == 0 && !recordedAt.isAfter(other.recordedAt));
    }

    Moment earlier(Moment other) {
      if (other == null) {
        return this;
      }
      int byTime = at.compareTo(other.at);
      if (byTime != 0) {
        return byTime < 0 ? this : other;
      }
      return recordedAt.isBefore(other.recordedAt) ? this : other;
    }
  }

  private record Closure(UUID episodeId, String reason, Instant at, Instant recordedAt) {}

  private final CommittedSummaries committed;
  private int summaryUpdates;
  private long firstPosition = Long.MAX_VALUE;
  private long lastPosition = -1;

  /**
   * @param committed the summary values earlier batches committed: updates that cannot change them
   *     are left out, and this batch's are added once it has committed ({@link #committed()})
   */
  EpisodeFiguresWrites(DSLContext db, CommittedSummaries committed) {
    this.db = db;
    this.committed = committed;
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  void episode(
      UUID episodeId, UUID serviceId, UUID personId, Instant referredAt, Instant recorded) {
    EpisodeRecord row = db.newRecord(EPISODE);
    row.setEpisodeId(episodeId);
    row.setServiceId(serviceId);
    row.setPersonId(personId);
    row.setReferredAt(utc(referredAt));
    row.setRecordedAt(utc(recorded));
    episodes.add(row);
  }

  void contact(ContactRecorded event, UUID serviceId, Instant recordedAt, long sequence) {
    ContactRecord row = db.newRecord(CONTACT);
    row.setContactId(event.contactId().value());
    row.setEpisodeId(event.episodeId().value());
    row.setServiceId(serviceId);
    row.setWorkerId(event.workerId().value());
    row.setOccurredAt(utc(event.occurredAt()));
    row.setRecordedAt(utc(recordedAt));
    row.setSequence(sequence);
    row.setMinutes(event.minutes());
    row.setMode(event.mode().name());
    row.setSetting(event.setting().name());
    row.setInterpreter(event.interpreter().name());
    row.setChoices(event.choicesOffered().stream().map(Choice::name).toArray(String[]::new));
    row.setStoryRetold(event.storyRetold());
    row.setPurpose(event.purpose().name());
    contacts.add(row);
    firstContacts.merge(
        event.episodeId().value(), new Moment(event.occurredAt(), recordedAt), Moment::earlier);
    if (event.purpose() == ContactPurpose.AFTERCARE
        || event.purpose() == ContactPurpose.FOLLOW_UP) {
      aftercareRecorded.merge(
          event.episodeId().value(), recordedAt, (a, b) -> a.isBefore(b) ? a : b);
    }
  }

  void missed(AppointmentMissedRecord row) {
    missed.add(row);
  }

  void milestone(TrustMilestoneRecord row) {
    milestones.add(row);
  }

  void checkIn(CheckInRecord row) {
    checkIns.add(row);
  }

  void trustPoint(UUID episodeId, Instant at, Instant recordedAt) {
    trustPoints.merge(episodeId, new Moment(at, recordedAt), Moment::earlier);
  }

  void outcome(OutcomeRecord row) {
    outcomes.add(row);
  }

  void aftercareEnd(AftercareEndRecord row) {
    aftercareEnds.add(row);
  }

  void feedback(FeedbackRecord row) {
    feedback.add(row);
  }

  void story(StorySharedRecord row) {
    stories.add(row);
  }

  void keyWorkerChange(
      UUID eventId,
      UUID episodeId,
      UUID serviceId,
      Instant at,
      Instant recordedAt,
      long sequence,
      UUID workerId,
      UUID fromWorkerId,
      String reason,
      Boolean warm) {
    KeyWorkerChangeRecord row = db.newRecord(KEY_WORKER_CHANGE);
    row.setEventId(eventId);
    row.setEpisodeId(episodeId);
    row.setServiceId(serviceId);
    row.setOccurredAt(utc(at));
    row.setRecordedAt(utc(recordedAt));
    row.setSequence(sequence);
    row.setWorkerId(workerId);
    row.setFromWorkerId(fromWorkerId);
    row.setHandoverReason(reason);
    row.setWarmIntroduction(warm);
    keyWorkerChanges.add(row);
  }

  void closure(UUID episodeId, String reason, Instant at, Instant recordedAt) {
    closures.add(new Closure(episodeId, reason, at, recordedAt));
  }

  /** The service's figures changed with the event at this global position. */
  void changed(UUID serviceId, long position) {
    changedServices.merge(serviceId, position, Math::max);
    firstPosition = Math.min(firstPosition, position);
    lastPosition = Math.max(lastPosition, position);
  }

  @Override
  public void flush() {
    // Episodes first: the summary updates below need their rows.
    Rows.insertNew(db, EPISODE, episodes);
    Rows.insertNew(db, CONTACT, contacts);
    Rows.insertNew(db, APPOINTMENT_MISSED, missed);
    Rows.insertNew(db, TRUST_MILESTONE, milestones);
    Rows.insertNew(db, CHECK_IN, checkIns);
    Rows.insertNew(db, OUTCOME, outcomes);
    Rows.insertNew(db, AFTERCARE_END, aftercareEnds);
    Rows.insertNew(db, FEEDBACK, feedback);
    Rows.insertNew(db, STORY_SHARED, stories);
    Rows.insertNew(db, KEY_WORKER_CHANGE, keyWorkerChanges);
    // Each kind of update is one statement, executed with a set of bind values per episode.
    if (lastPosition >= 0) {
      committed.startingAt(firstPosition);
    }
    List<Map.Entry<UUID, Moment>> earlierContacts =
        couldChange(firstContacts, committed::firstContactNoLaterThan);
    if (!earlierContacts.isEmpty()) {
      BatchBindStep batch =
          db.batch(earlierMoment(EPISODE.FIRST_CONTACT_AT, EPISODE.FIRST_CONTACT_RECORDED_AT));
      for (var entry : earlierContacts) {
        batch = bindMoment(batch, entry.getKey(), entry.getValue());
      }
      batch.execute();
      summaryUpdates += earlierContacts.size();
    }
    if (!trustPoints.isEmpty()) {
      BatchBindStep batch = db.batch(earlierMoment(EPISODE.TRUST_AT, EPISODE.TRUST_RECORDED_AT));
      for (var entry : trustPoints.entrySet()) {
        batch = bindMoment(batch, entry.getKey(), entry.getValue());
      }
      batch.execute();
    }
    List<Map.Entry<UUID, Instant>> earlierAftercare =
        couldChange(aftercareRecorded, committed::aftercareRecordedBy);
    if (!earlierAftercare.isEmpty()) {
      BatchBindStep batch =
          db.batch(
              db.update(EPISODE)
                  .set(EPISODE.AFTERCARE_RECORDED_AT, (OffsetDateTime) null)
                  .where(EPISODE.EPISODE_ID.eq((UUID) null))
                  .and(
                      EPISODE
                          .AFTERCARE_RECORDED_AT
                          .isNull()
                          .or(
                              EPISODE.AFTERCARE_RECORDED_AT.gt(
                                  DSL.val((OffsetDateTime) null, OffsetDateTime.class)))));
      for (var entry : earlierAftercare) {
        OffsetDateTime recordedAt = utc(entry.getValue());
        batch = batch.bind(recordedAt, entry.getKey(), recordedAt);
      }
      batch.execute();
      summaryUpdates += earlierAftercare.size();
    }
    if (!closures.isEmpty()) {
      BatchBindStep batch =
          db.batch(
              db.update(EPISODE)
                  .set(EPISODE.CLOSED_AT, (OffsetDateTime) null)
                  .set(EPISODE.CLOSURE_REASON, (String) null)
                  .set(EPISODE.CLOSURE_RECORDED_AT, (OffsetDateTime) null)
                  .where(EPISODE.EPISODE_ID.eq((UUID) null))
                  .and(EPISODE.CLOSED_AT.isNull()));
      for (Closure closure : closures) {
        batch =
            batch.bind(
                utc(closure.at()),
                closure.reason(),
                utc(closure.recordedAt()),
                closure.episodeId());
      }
      batch.execute();
    }
    ScopeChanges.latest(
        db,
        EPISODE_SCOPE_CHANGE,
        EPISODE_SCOPE_CHANGE.SERVICE_ID,
        EPISODE_SCOPE_CHANGE.POSITION,
        changedServices);
  }

  /** The candidate values a committed one does not already make unchangeable. */
  private static <V> List<Map.Entry<UUID, V>> couldChange(
      Map<UUID, V> candidates, BiPredicate<UUID, V> alreadyAsEarly) {
    List<Map.Entry<UUID, V>> changing = new ArrayList<>();
    for (var entry : candidates.entrySet()) {
      if (!alreadyAsEarly.test(entry.getKey(), entry.getValue())) {
        changing.add(entry);
      }
    }
    return changing;
  }

  @Override
  public void committed() {
    committed.committed(firstContacts, aftercareRecorded, lastPosition);
  }

  /** How many first-contact and aftercare summary updates this batch sent (for tests). */
  int summaryUpdates() {
    return summaryUpdates;
  }

  private static BatchBindStep bindMoment(BatchBindStep batch, UUID episode, Moment moment) {
    OffsetDateTime at = utc(moment.at());
    OffsetDateTime recordedAt = utc(moment.recordedAt());
    // In the order of earlierMoment's placeholders.
    return batch.bind(at, recordedAt, episode, at, at, recordedAt);
  }

  /**
   * Moves a derived moment earlier (never later): idempotent, and independent of batching. Its
   * placeholders: the new time and recording time, the episode, then the new time twice and the new
   * recording time (see {@link #bindMoment}).
   */
  private Query earlierMoment(
      TableField<EpisodeRecord, OffsetDateTime> at,
      TableField<EpisodeRecord, OffsetDateTime> recordedAt) {
    Param<OffsetDateTime> none = DSL.val((OffsetDateTime) null, OffsetDateTime.class);
    return db.update(EPISODE)
        .set(at, none)
        .set(recordedAt, DSL.val((OffsetDateTime) null, OffsetDateTime.class))
        .where(EPISODE.EPISODE_ID.eq((UUID) null))
        .and(
            at.isNull()
                .or(at.gt(DSL.val((OffsetDateTime) null, OffsetDateTime.class)))
                .or(
                    at.eq(DSL.val((OffsetDateTime) null, OffsetDateTime.class))
                        .and(recordedAt.gt(DSL.val((OffsetDateTime) null, OffsetDateTime.class)))));
  }
}
