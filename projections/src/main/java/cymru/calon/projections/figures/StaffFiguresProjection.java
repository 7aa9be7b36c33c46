package cymru.calon.projections.figures;

import static cymru.calon.projections.schema.Tables.REFLECTIVE_PRACTICE;
import static cymru.calon.projections.schema.Tables.SERVICE;
import static cymru.calon.projections.schema.Tables.SERVICE_TERMS;
import static cymru.calon.projections.schema.Tables.STAFF_SCOPE_CHANGE;
import static cymru.calon.projections.schema.Tables.WORKER;
import static cymru.calon.projections.schema.Tables.WORKER_DEPARTURE;

import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.RelationalCommitments;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.service.ServiceContractVaried;
import cymru.calon.commands.api.worker.ReflectivePracticeRecorded;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import cymru.calon.projections.batch.BatchWrites;
import cymru.calon.projections.batch.EventPosition;
import cymru.calon.projections.batch.Rows;
import cymru.calon.projections.batch.ScopeChanges;
import cymru.calon.projections.schema.tables.records.ReflectivePracticeRecord;
import cymru.calon.projections.schema.tables.records.ServiceTermsRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Services with their contract terms over time, and the workforce: who joined which organisation
 * when, who left, and reflective practice. Services and workers change seldom, so each of those
 * handlers is one idempotent statement; reflective practice is buffered per batch.
 */
@Component
@ProcessingGroup(StaffFiguresProjection.PROCESSING_GROUP)
public class StaffFiguresProjection {
  public static final String PROCESSING_GROUP = "staff-figures-v1";

  private static final int REMEMBERED_WORKERS = 100_000;

  private final DSLContext db;
  private final Map<UUID, UUID> organisations = LeastRecentlyUsed.map(REMEMBERED_WORKERS);
  private final BatchWrites<Writes> writes;

  public StaffFiguresProjection(DSLContext db) {
    this.db = db;
    this.writes = new BatchWrites<>(PROCESSING_GROUP, () -> new Writes(db));
  }

  @EventHandler
  void on(
      ServiceCommissioned event,
      @MessageIdentifier String eventId,
      @Timestamp Instant recorded,
      TrackingToken token) {
    db.insertInto(SERVICE)
        .set(SERVICE.SERVICE_ID, event.serviceId().value())
        .set(SERVICE.ORGANISATION_ID, event.organisationId().value())
        .set(SERVICE.COMMISSIONER_ID, event.commissionerId().value())
        .set(SERVICE.NAME, event.name())
        .set(SERVICE.COHORT, event.cohort().name())
        .set(SERVICE.AREA_CODE, event.areaCode())
        .set(SERVICE.COMMISSIONED_AT, utc(event.occurredAt()))
        .set(SERVICE.RECORDED_AT, utc(recorded))
        .onConflictDoNothing()
        .execute();
    terms(
        eventId,
        event.serviceId().value(),
        event.occurredAt(),
        recorded,
        event.kpiTargets() == null ? new KpiTargets(null, null) : event.kpiTargets(),
        event.relationalCommitments() == null
            ? RelationalCommitments.none()
            : event.relationalCommitments());
    changed(DSL.val(event.serviceId().value()), null, token);
  }

  @EventHandler
  void on(
      ServiceContractVaried event,
      @MessageIdentifier String eventId,
      @Timestamp Instant recorded,
      TrackingToken token) {
    terms(
        eventId,
        event.serviceId().value(),
        event.occurredAt(),
        recorded,
        event.kpiTargets(),
        event.relationalCommitments());
    changed(DSL.val(event.serviceId().value()), null, token);
  }

  private void terms(
      String eventId,
      UUID serviceId,
      Instant effective,
      Instant recorded,
      KpiTargets kpi,
      RelationalCommitments commitments) {
    ServiceTermsRecord row = db.newRecord(SERVICE_TERMS);
    row.setEventId(UUID.fromString(eventId));
    row.setServiceId(serviceId);
    row.setEffectiveAt(utc(effective));
    row.setRecordedAt(utc(recorded));
    row.setKpiTargetsSet(kpi != null);
    if (kpi != null) {
      row.setWaitingWorkingDays(
          kpi.waitingWorkingDays() == null
              ? KpiTargets.DEFAULT_WAITING_WORKING_DAYS
              : kpi.waitingWorkingDays());
      row.setMaxEpisodeDays(kpi.maxEpisodeDays());
    }
    row.setCommitmentsSet(commitments != null);
    if (commitments != null) {
      row.setAftercareWeeks(commitments.aftercareWeeks());
      row.setMaxCaseload(commitments.maxCaseload());
    }
    db.insertInto(SERVICE_TERMS).set(row).onConflictDoNothing().execute();
  }

  @EventHandler
  void on(WorkerJoined event, @Timestamp Instant recorded, TrackingToken token) {
    db.insertInto(WORKER)
        .set(WORKER.WORKER_ID, event.workerId().value())
        .set(WORKER.ORGANISATION_ID, event.organisationId().value())
        .set(WORKER.ROLE, event.role().name())
        .set(WORKER.LIVED_EXPERIENCE, event.livedExperience())
        .set(WORKER.JOINED_AT, utc(event.occurredAt()))
        .set(WORKER.RECORDED_AT, utc(recorded))
        .onConflictDoNothing()
        .execute();
    // A worker's organisation never changes, so it may be remembered before the batch commits.
    remember(event.workerId().value(), event.organisationId().value());
    changed(DSL.val(event.organisationId().value()), null, token);
  }

  @EventHandler
  void on(WorkerLeft event, @Timestamp Instant recorded, TrackingToken token) {
    db.insertInto(WORKER_DEPARTURE)
        .set(WORKER_DEPARTURE.WORKER_ID, event.workerId().value())
        .set(WORKER_DEPARTURE.LEFT_AT, utc(event.occurredAt()))
        .set(WORKER_DEPARTURE.RECORDED_AT, utc(recorded))
        .onConflictDoNothing()
        .execute();
    changed(WORKER.ORGANISATION_ID, event.workerId().value(), token);
  }

  /**
   * The organisation is the worker's (WorkerJoined always comes first). Workers record reflective
   * practice every week or two, so these are most of this projection's events: their rows are
   * buffered and written once per batch ({@link BatchWrites}), as the episode figures' are.
   */
  @EventHandler
  void on(
      ReflectivePracticeRecorded event,
      @MessageIdentifier String eventId,
      @Timestamp Instant recorded,
      TrackingToken token) {
    UUID organisation = organisationOf(event.workerId().value());
    if (organisation == null) {
      return;
    }
    ReflectivePracticeRecord row = db.newRecord(REFLECTIVE_PRACTICE);
    row.setEventId(UUID.fromString(eventId));
    row.setWorkerId(event.workerId().value());
    row.setOrganisationId(organisation);
    row.setOccurredAt(utc(event.occurredAt()));
    row.setRecordedAt(utc(recorded));
    row.setMinutes(event.minutes());
    row.setKind(event.kind().name());
    OptionalLong position = EventPosition.of(token);
    writes.add(
        w -> {
          w.practice.add(row);
          position.ifPresent(p -> w.changed.merge(organisation, p, Math::max));
        });
  }

  /** The worker's organisation: remembered from WorkerJoined, else from the worker's row. */
  private UUID organisationOf(UUID worker) {
    synchronized (organisations) {
      UUID organisation = organisations.get(worker);
      if (organisation != null) {
        return organisation;
      }
    }
    UUID organisation =
        db.select(WORKER.ORGANISATION_ID)
            .from(WORKER)
            .where(WORKER.WORKER_ID.eq(worker))
            .fetchOne(WORKER.ORGANISATION_ID);
    if (organisation != null) {
      remember(worker, organisation);
    }
    return organisation;
  }

  private void remember(UUID worker, UUID organisation) {
    synchronized (organisations) {
      organisations.put(worker, organisation);
    }
  }

  /** A batch's reflective practice rows and the organisations whose figures they change. */
  private static final class Writes implements BatchWrites.Buffer {
    private final DSLContext db;
    private final List<ReflectivePracticeRecord> practice = new ArrayList<>();
    // Sorted (ScopeChanges).
    private final Map<UUID, Long> changed = new TreeMap<>();

    Writes(DSLContext db) {
      this.db = db;
    }

    @Override
    public void flush() {
      Rows.insertNew(db, REFLECTIVE_PRACTICE, practice);
      practice.clear();
      ScopeChanges.latest(
          db,
          STAFF_SCOPE_CHANGE,
          STAFF_SCOPE_CHANGE.SCOPE_ID,
          STAFF_SCOPE_CHANGE.POSITION,
          changed);
      changed.clear();
    }
  }

  /**
   * Notes that the figures of a service or organisation changed with this event: the scope is a
   * value, or the organisation of {@code workerId} read from the worker table.
   */
  private void changed(org.jooq.Field<UUID> scope, UUID workerId, TrackingToken token) {
    OptionalLong position = EventPosition.of(token);
    if (position.isEmpty()) {
      return;
    }
    var select = DSL.select(scope, DSL.val(position.getAsLong()));
    var rows = workerId == null ? select : select.from(WORKER).where(WORKER.WORKER_ID.eq(workerId));
    db.insertInto(STAFF_SCOPE_CHANGE, STAFF_SCOPE_CHANGE.SCOPE_ID, STAFF_SCOPE_CHANGE.POSITION)
        .select(rows)
        .onConflict(STAFF_SCOPE_CHANGE.SCOPE_ID)
        .doUpdate()
        .set(
            STAFF_SCOPE_CHANGE.POSITION,
            DSL.greatest(STAFF_SCOPE_CHANGE.POSITION, DSL.excluded(STAFF_SCOPE_CHANGE.POSITION)))
        .execute();
  }

  @ResetHandler
  void reset() {
    synchronized (organisations) {
      organisations.clear();
    }
    db.truncate(
            SERVICE,
            SERVICE_TERMS,
            WORKER,
            WORKER_DEPARTURE,
            REFLECTIVE_PRACTICE,
            STAFF_SCOPE_CHANGE)
        .execute();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
