package cymru.calon.query.dashboard;

import static cymru.calon.projections.schema.Tables.SERVICE;

import cymru.calon.commands.api.service.Cohort;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Which services a dashboard covers, as known at its as-of instant. */
@Component
class DashboardScopes {
  private final DSLContext db;

  DashboardScopes(DSLContext db) {
    this.db = db;
  }

  /** Every service of the area and/or cohort (all services when neither is given). */
  List<UUID> services(String areaCode, Cohort cohort, Instant asOf) {
    Condition where = SERVICE.RECORDED_AT.le(asOf.atOffset(ZoneOffset.UTC));
    if (areaCode != null) {
      where = where.and(SERVICE.AREA_CODE.eq(areaCode));
    }
    if (cohort != null) {
      where = where.and(SERVICE.COHORT.eq(cohort.name()));
    }
    return db.select(SERVICE.SERVICE_ID)
        .from(SERVICE)
        .where(where)
        .orderBy(SERVICE.SERVICE_ID)
        .fetch(SERVICE.SERVICE_ID);
  }
}
