package cymru.calon.query.dashboard;

import cymru.calon.query.access.Role;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.figures.DashboardFigures;
import cymru.calon.query.figures.FigureTree;
import cymru.calon.query.figures.FigureWindow;
import cymru.calon.query.figures.Suppression;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suppressed figures for a scope and period, computed from one consistent snapshot of the read
 * models and remembered while they are still exactly right.
 *
 * <p>Each projection records, per service and organisation, the position of the latest event it
 * applied for it. A computed dashboard is kept with that fingerprint of its scope and reused while
 * the fingerprint has not moved: for an explicit past {@code asOf}, nothing else can change it; for
 * "now", it is reused for at most {@code calon.figures.cache.max-age} (the standard periods {@link
 * DashboardsAhead} computes ahead: {@code calon.figures.ahead.max-age}) and answers with the
 * instant it was computed for as its {@code asOf}, so a response never claims more than it shows.
 *
 * <p>Who reads a dashboard decides how it is rendered ({@link #suppressionFor}): small numbers are
 * suppressed for commissioners and policy staff, never for the staff of the organisation that runs
 * the service, who see their own data as it is (METRICS.md, "Suppression").
 */
@Component
class Dashboards {
  private static final String FINGERPRINT =
      """
      SELECT greatest(
        (SELECT coalesce(max(c.position), 0) FROM read_model.episode_scope_change c
          WHERE c.service_id = ANY({0})),
        (SELECT coalesce(max(c.position), 0) FROM read_model.staff_scope_change c
          WHERE c.scope_id = ANY({0})
             OR c.scope_id IN (SELECT s.organisation_id FROM read_model.service s
                                WHERE s.service_id = ANY({0}))))
      """;

  /** What a dashboard was computed for; {@code asOf} null is "now". */
  private record Key(List<UUID> services, LocalDate from, LocalDate to, Instant asOf) {}

  /** A scope and period whose figures for "now" are computed ahead of requests. */
  record Ahead(List<UUID> services, LocalDate from, LocalDate to) {
    Ahead {
      services = List.copyOf(services);
    }

    private Key key() {
      return new Key(services, from, to, null);
    }
  }

  /**
   * Figures computed at {@code computedAt} for {@code asOf}, with their renderings and the response
   * bodies already written from them (a body is the same for as long as the figures are).
   */
  record Computed(
      long fingerprint,
      Instant computedAt,
      Instant asOf,
      Duration maxAge,
      FigureTree tree,
      Map<Suppression, Map<String, Object>> rendered,
      Map<String, byte[]> bodies) {
    Computed(long fingerprint, Instant computedAt, Instant asOf, Duration maxAge, FigureTree tree) {
      this(
          fingerprint,
          computedAt,
          asOf,
          maxAge,
          tree,
          new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>());
    }

    /** The figures as plain values, with {@code suppression} applied; rendered once each. */
    Map<String, Object> figures(Suppression suppression) {
      return rendered.computeIfAbsent(suppression, tree::render);
    }

    /**
     * The body for {@code audience} (what else it shows besides the figures, and with which
     * suppression), written once.
     */
    byte[] body(String audience, Supplier<byte[]> write) {
      return bodies.computeIfAbsent(audience, a -> write.get());
    }
  }

  private final DashboardFigures figures;
  private final Suppression suppression;
  private final DSLContext db;
  private final Clock clock;
  private final TransactionTemplate snapshot;
  private final Duration maxAge;
  private final Duration aheadMaxAge;
  private final Duration settle;
  private final Map<Key, Computed> computed;
  private volatile Set<Key> ahead = Set.of();

  Dashboards(
      DashboardFigures figures,
      Suppression suppression,
      DSLContext db,
      Clock clock,
      PlatformTransactionManager transactions,
      @Value("${calon.figures.cache.max-age:60s}") Duration maxAge,
      @Value("${calon.figures.cache.max-entries:2000}") int maxEntries,
      @Value("${calon.figures.ahead.max-age:10m}") Duration aheadMaxAge,
      @Value("${calon.figures.ahead.settle:60s}") Duration settle) {
    this.figures = figures;
    this.aheadMaxAge = aheadMaxAge;
    this.settle = settle;
    this.suppression = suppression;
    this.db = db;
    this.clock = clock;
    this.maxAge = maxAge;
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
    this.computed =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Computed> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** The figures of the services for [from, to), as of {@code asOf} (null: now). */
  Computed figures(List<UUID> services, LocalDate from, LocalDate to, Instant asOf) {
    Key key = new Key(List.copyOf(services), from, to, asOf);
    return snapshot.execute(
        status -> {
          Instant now = clock.instant();
          long fingerprint = fingerprint(services);
          Computed known = remembered(key);
          if (known != null && known.fingerprint() == fingerprint && stillTrue(known, now)) {
            return known;
          }
          return compute(key, fingerprint, now);
        });
  }

  /**
   * Computes ahead of any request the figures for "now" of every scope and period in {@code scopes}
   * that needs it, each in its own snapshot: those not remembered, those that would stop answering
   * for "now" within {@code margin}, and those of a scope something has been recorded for since,
   * once they are {@code calon.figures.ahead.settle} old (until then a request for them computes
   * them itself, so no one is answered with figures that leave out what was recorded). Figures
   * computed for these scopes, ahead or by a request, answer for "now" for {@code
   * calon.figures.ahead.max-age} while nothing is recorded for the scope, each with the instant it
   * was computed for as its {@code asOf}. The scopes replace those of the previous call.
   *
   * @return how many were computed
   */
  int computeAhead(List<Ahead> scopes, Duration margin) {
    Set<Key> keys = new HashSet<>();
    scopes.forEach(scope -> keys.add(scope.key()));
    ahead = Set.copyOf(keys);
    int computedNow = 0;
    for (Ahead scope : scopes) {
      Key key = scope.key();
      Boolean fresh =
          snapshot.execute(
              status -> {
                Instant now = clock.instant();
                long fingerprint = fingerprint(key.services());
                Computed known = remembered(key);
                if (known != null) {
                  Duration age = Duration.between(known.computedAt(), now);
                  boolean expiring = age.plus(margin).compareTo(known.maxAge()) >= 0;
                  boolean moved = known.fingerprint() != fingerprint;
                  if (!expiring && !(moved && age.compareTo(settle) >= 0)) {
                    return false;
                  }
                }
                compute(key, fingerprint, now);
                return true;
              });
      if (Boolean.TRUE.equals(fresh)) {
        computedNow++;
      }
    }
    return computedNow;
  }

  private Computed compute(Key key, long fingerprint, Instant now) {
    Instant effectiveAsOf = key.asOf() == null ? now : key.asOf();
    FigureWindow window = FigureWindow.of(key.from(), key.to(), effectiveAsOf, now);
    Duration answersFor = ahead.contains(key) ? aheadMaxAge : maxAge;
    Computed fresh =
        new Computed(
            fingerprint, now, effectiveAsOf, answersFor, figures.compute(key.services(), window));
    remember(key, fresh);
    return fresh;
  }

  private long fingerprint(List<UUID> services) {
    return db.resultQuery(FINGERPRINT, array(services)).fetchOne(0, Long.class);
  }

  /**
   * The suppression for {@code viewer} reading figures of services run by {@code organisationId}
   * (null: a policy scope, pooled across organisations): none for that organisation's own staff,
   * the configured thresholds for everyone else.
   */
  Suppression suppressionFor(Viewer viewer, UUID organisationId) {
    boolean ownData =
        organisationId != null
            && viewer.role() == Role.PROVIDER
            && viewer.organisation().orElseThrow().value().equals(organisationId);
    return ownData ? Suppression.NONE : suppression;
  }

  /** The suppression of every view but an organisation's of its own services. */
  Suppression standardSuppression() {
    return suppression;
  }

  /**
   * Figures for an as-of instant already past when they were computed depend only on the rows
   * behind the fingerprint; figures for "now" (or a future instant) also on the clock.
   */
  private boolean stillTrue(Computed known, Instant now) {
    boolean pastAsOf = !known.asOf().isAfter(known.computedAt());
    boolean requestedNow = known.asOf().equals(known.computedAt());
    if (pastAsOf && !requestedNow) {
      return true;
    }
    return !known.computedAt().plus(known.maxAge()).isBefore(now);
  }

  private synchronized Computed remembered(Key key) {
    return computed.get(key);
  }

  private synchronized void remember(Key key, Computed value) {
    computed.put(key, value);
  }

  private static org.jooq.Field<UUID[]> array(List<UUID> services) {
    return DSL.val(services.toArray(UUID[]::new), SQLDataType.UUID.array());
  }
}
