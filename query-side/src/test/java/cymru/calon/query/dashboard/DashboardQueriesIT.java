package cymru.calon.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.service.Cohort;
import cymru.calon.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** Which service a dashboard request names, as known at its as-of, on real PostgreSQL. */
class DashboardQueriesIT {
  private static final Instant RECORDED = Instant.parse("2025-01-10T09:00:00Z");

  private final DSLContext db;
  private final DashboardQueries queries;

  DashboardQueriesIT() {
    db = TestPostgres.newReadModel();
    Clock now = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    queries = new DashboardQueries(null, new DashboardScopes(db), db, now);
  }

  @Test
  void aService_isKnownFromWhenItWasRecorded_andRememberedOnceRead() {
    UUID service = UUID.randomUUID();
    UUID organisation = UUID.randomUUID();
    UUID commissioner = UUID.randomUUID();

    assertThat(queries.service(service, null)).as("not yet projected").isEmpty();
    db.execute(
        "INSERT INTO read_model.service (service_id, organisation_id, commissioner_id, name,"
            + " cohort, area_code, commissioned_at, recorded_at)"
            + " VALUES (?, ?, ?, 'Llwybr', 'HOUSING_SUPPORT', 'W06000015', '2025-01-01Z', ?::timestamptz)",
        service,
        organisation,
        commissioner,
        RECORDED.toString());

    ServiceListing expected =
        new ServiceListing(
            service, "Llwybr", Cohort.HOUSING_SUPPORT, "W06000015", organisation, commissioner);
    assertThat(queries.service(service, null)).contains(expected);
    assertThat(queries.service(service, RECORDED)).contains(expected);
    assertThat(queries.service(service, RECORDED.minusMillis(1))).isEmpty();

    // Remembered: the answer no longer needs the row (a replay truncates and writes it again).
    db.execute("DELETE FROM read_model.service WHERE service_id = ?", service);
    assertThat(queries.service(service, null)).contains(expected);
    assertThat(queries.service(service, RECORDED.minusSeconds(60))).isEmpty();
  }
}
