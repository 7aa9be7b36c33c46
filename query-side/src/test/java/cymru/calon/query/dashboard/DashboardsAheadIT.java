package cymru.calon.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.query.figures.DashboardFigures;
import cymru.calon.query.figures.FigureTree;
import cymru.calon.query.figures.FigureWindow;
import cymru.calon.query.figures.Suppression;
import cymru.calon.query.figures.WorkingDays;
import cymru.calon.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * Dashboards computed ahead of requests, on real PostgreSQL: when a round computes, and how long
 * what it computed answers for "now". The clock is the test's; something recorded for a scope is a
 * row of the projections' scope-change table, as the figures projection writes it.
 */
class DashboardsAheadIT {
  private static final LocalDate FROM = LocalDate.of(2025, 11, 1);
  private static final LocalDate TO = LocalDate.of(2026, 11, 1);
  private static final Duration MARGIN = Duration.ofSeconds(20);

  private final TestClock clock = new TestClock(Instant.parse("2026-11-20T10:00:00Z"));
  private final AtomicInteger computations = new AtomicInteger();
  private final AtomicBoolean behind = new AtomicBoolean();
  private final DSLContext db;
  private final Dashboards dashboards;
  private final DashboardsAhead ahead;

  DashboardsAheadIT() {
    TestPostgres.Database database = TestPostgres.newDatabase();
    Flyway.configure()
        .dataSource(database.dataSource())
        .locations("classpath:db/migration/readmodel")
        .load()
        .migrate();
    db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
    DashboardFigures counting =
        new DashboardFigures(db, new WorkingDays(List.of())) {
          @Override
          public FigureTree compute(List<UUID> services, FigureWindow window) {
            computations.incrementAndGet();
            return super.compute(services, window);
          }
        };
    dashboards =
        new Dashboards(
            counting,
            Suppression.standard(),
            db,
            clock,
            new NoTransactions(),
            Duration.ofSeconds(60),
            2_000,
            Duration.ofMinutes(10),
            Duration.ofSeconds(60));
    ahead =
        new DashboardsAhead(dashboards, new DashboardScopes(db), clock, false, MARGIN, behind::get);
  }

  @Test
  void aRound_computesWhatIsMissing_thenNothingUntilItIsAboutToGoStale() {
    UUID service = UUID.randomUUID();
    List<Dashboards.Ahead> scopes = List.of(new Dashboards.Ahead(List.of(service), FROM, TO));

    assertThat(dashboards.computeAhead(scopes, MARGIN)).isEqualTo(1);
    assertThat(dashboards.computeAhead(scopes, MARGIN)).isZero();
    Instant computedAt = clock.instant();

    clock.advance(Duration.ofMinutes(5));
    Dashboards.Computed served = dashboards.figures(List.of(service), FROM, TO, null);
    assertThat(computations).as("a request is answered from what was computed ahead").hasValue(1);
    assertThat(served.asOf()).as("and says for which instant").isEqualTo(computedAt);

    clock.advance(Duration.ofMinutes(4).plusSeconds(39));
    assertThat(dashboards.computeAhead(scopes, MARGIN)).as("9 min 39 s: not yet").isZero();
    clock.advance(Duration.ofSeconds(2));
    assertThat(dashboards.computeAhead(scopes, MARGIN))
        .as("within the margin of 10 minutes: renewed before any request finds it too old")
        .isEqualTo(1);
    assertThat(dashboards.figures(List.of(service), FROM, TO, null).asOf())
        .isEqualTo(clock.instant());
    assertThat(computations).hasValue(2);
  }

  @Test
  void somethingRecordedForTheScope_isInTheNextRequest_andInARoundOnceSettled() {
    UUID service = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    List<Dashboards.Ahead> scopes =
        List.of(
            new Dashboards.Ahead(List.of(service), FROM, TO),
            new Dashboards.Ahead(List.of(other), FROM, TO));
    assertThat(dashboards.computeAhead(scopes, MARGIN)).isEqualTo(2);

    recordedFor(service, 41);
    clock.advance(Duration.ofSeconds(30));
    assertThat(dashboards.computeAhead(scopes, MARGIN))
        .as("30 s after the last computation: the round leaves it to requests")
        .isZero();
    Dashboards.Computed asked = dashboards.figures(List.of(service), FROM, TO, null);
    assertThat(asked.asOf()).as("a request computes it afresh").isEqualTo(clock.instant());
    assertThat(asked.fingerprint()).isEqualTo(41);
    assertThat(dashboards.figures(List.of(other), FROM, TO, null).asOf())
        .as("the other service's figures still stand")
        .isEqualTo(clock.instant().minusSeconds(30));
    assertThat(computations).hasValue(3);

    recordedFor(service, 42);
    clock.advance(Duration.ofSeconds(61));
    assertThat(dashboards.computeAhead(scopes, MARGIN))
        .as("settled: the round computes only the scope something was recorded for")
        .isEqualTo(1);
    assertThat(dashboards.figures(List.of(service), FROM, TO, null).fingerprint()).isEqualTo(42);
    assertThat(computations).hasValue(4);
  }

  @Test
  void whileTheProjectionsAreBehind_theBackgroundComputesNothing() {
    service(UUID.randomUUID());
    behind.set(true);

    assertThat(ahead.backgroundRound()).isEqualTo(-1);
    assertThat(computations).hasValue(0);

    behind.set(false);
    // The service's four standard periods (with one service, all of Wales is the same scope).
    assertThat(ahead.backgroundRound()).isEqualTo(4);
    assertThat(computations).hasValue(4);
  }

  @Test
  void aPeriodNotComputedAhead_answersForNowForTheUsualMinute() {
    UUID service = UUID.randomUUID();
    dashboards.computeAhead(List.of(new Dashboards.Ahead(List.of(service), FROM, TO)), MARGIN);
    LocalDate otherTo = TO.minusMonths(1);

    Instant first = dashboards.figures(List.of(service), FROM, otherTo, null).asOf();
    clock.advance(Duration.ofSeconds(59));
    assertThat(dashboards.figures(List.of(service), FROM, otherTo, null).asOf()).isEqualTo(first);
    clock.advance(Duration.ofSeconds(2));
    assertThat(dashboards.figures(List.of(service), FROM, otherTo, null).asOf())
        .isEqualTo(clock.instant());
    assertThat(dashboards.figures(List.of(service), FROM, TO, null).asOf())
        .as("while the period computed ahead still answers")
        .isEqualTo(first);
  }

  @Test
  void theStandardPeriods_areEveryServiceAndAllOfWales_byTheLondonCalendar() {
    UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    service(a);
    service(b);
    // 00:30 on 1 August in London is still 31 July in UTC.
    clock.set(
        LocalDate.of(2026, 8, 1).atTime(0, 30).atZone(ZoneId.of("Europe/London")).toInstant());

    assertThat(ahead.computeAhead()).isEqualTo(3 * 4);
    Instant computedAt = clock.instant();
    clock.advance(Duration.ofMinutes(1));
    for (List<UUID> scope : List.of(List.of(a), List.of(b), List.of(a, b))) {
      for (LocalDate[] period :
          List.of(
              new LocalDate[] {LocalDate.of(2025, 8, 1), LocalDate.of(2026, 8, 1)},
              new LocalDate[] {LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1)},
              new LocalDate[] {LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1)},
              new LocalDate[] {LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1)})) {
        assertThat(dashboards.figures(scope, period[0], period[1], null).asOf())
            .as("%s %s–%s", scope, period[0], period[1])
            .isEqualTo(computedAt);
      }
    }
    assertThat(computations).as("every request answered from a round").hasValue(12);
  }

  private void service(UUID id) {
    db.execute(
        "INSERT INTO read_model.service (service_id, organisation_id, commissioner_id, name,"
            + " cohort, area_code, commissioned_at, recorded_at)"
            + " VALUES (?, ?, ?, 'x', 'OTHER', 'W06000015', '2024-01-01Z', '2024-01-01Z')",
        id,
        UUID.randomUUID(),
        UUID.randomUUID());
  }

  private void recordedFor(UUID service, long position) {
    db.execute(
        "INSERT INTO read_model.episode_scope_change (service_id, position) VALUES (?, ?)"
            + " ON CONFLICT (service_id) DO UPDATE SET position = excluded.position",
        service,
        position);
  }

  /** What is tested here is not the snapshot: each statement is its own transaction. */
  private static final class NoTransactions implements PlatformTransactionManager {
    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
      return new SimpleTransactionStatus();
    }

    @Override
    public void commit(TransactionStatus status) {}

    @Override
    public void rollback(TransactionStatus status) {}
  }

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
