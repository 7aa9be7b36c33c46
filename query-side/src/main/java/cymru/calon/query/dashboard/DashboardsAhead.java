package cymru.calon.query.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Computes the dashboards of the {@link StandardPeriods} ahead of requests, for every service and
 * for the all-Wales policy scope, so that opening one does not wait for its figures to be computed
 * from the read models.
 *
 * <p>Every {@code calon.figures.ahead.interval} (10 s), or less often if rounds take long (see
 * {@link #round}), one background thread asks {@link Dashboards#computeAhead} to compute those that
 * need it: figures not computed yet, figures about to stop answering for "now", and figures of a
 * scope something was recorded for since (at most once per {@code calon.figures.ahead.settle}). A
 * period chosen by hand, an area or cohort of the policy view, and an explicit {@code asOf} are
 * computed when asked for, and remembered as before. {@code calon.figures.ahead.enabled=false}
 * turns it off.
 *
 * <p>While the projections are behind the store (a replay, a start after a long stop) a round
 * computes nothing: the tables are still being written, every scope's fingerprint moves with each
 * batch, and what it computed would be out of date at once; in a replay of the benchmark store
 * those rounds took about a tenth of both cores from the projections.
 */
@Component
public class DashboardsAhead implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(DashboardsAhead.class);

  private final Dashboards dashboards;
  private final DashboardScopes scopes;
  private final Clock clock;
  private final boolean enabled;
  private final Duration interval;
  private final ProjectionProgress progress;
  private final Object lifecycle = new Object();
  private Duration lastRound = Duration.ZERO;
  private ScheduledExecutorService thread;

  @Autowired
  DashboardsAhead(
      Dashboards dashboards,
      DashboardScopes scopes,
      Clock clock,
      @Value("${calon.figures.ahead.enabled:true}") boolean enabled,
      @Value("${calon.figures.ahead.interval:10s}") Duration interval,
      ObjectProvider<ProjectionProgress> progress) {
    // Without projections in this process (the policy warehouse), never behind.
    this(dashboards, scopes, clock, enabled, interval, progress.getIfAvailable(() -> () -> false));
  }

  DashboardsAhead(
      Dashboards dashboards,
      DashboardScopes scopes,
      Clock clock,
      boolean enabled,
      Duration interval,
      ProjectionProgress progress) {
    this.dashboards = dashboards;
    this.scopes = scopes;
    this.clock = clock;
    this.enabled = enabled;
    this.interval = interval;
    this.progress = progress;
  }

  /**
   * The background thread's round: {@link #computeAhead}, unless the projections are behind.
   *
   * @return how many dashboards it computed, -1 if it left them while the projections catch up
   */
  int backgroundRound() {
    return progress.behind() ? -1 : computeAhead();
  }

  /**
   * One round: computes the standard periods' figures that need it, in the caller's thread.
   *
   * @return how many dashboards it computed
   */
  public synchronized int computeAhead() {
    Instant now = clock.instant();
    List<UUID> services = scopes.services(null, null, now);
    List<List<UUID>> scopeLists = new ArrayList<>();
    services.forEach(service -> scopeLists.add(List.of(service)));
    if (!services.isEmpty()) {
      scopeLists.add(services);
    }
    List<Dashboards.Ahead> ahead = new ArrayList<>();
    for (List<UUID> scope : scopeLists) {
      for (StandardPeriods.Period period : StandardPeriods.at(now)) {
        ahead.add(new Dashboards.Ahead(scope, period.from(), period.to()));
      }
    }
    // Two intervals and a round's worth of margin: a remembered dashboard is renewed before any
    // request finds it too old to answer for "now".
    long start = System.nanoTime();
    int computed = dashboards.computeAhead(ahead, interval.multipliedBy(2).plus(lastRound));
    lastRound = Duration.ofNanos(System.nanoTime() - start);
    return computed;
  }

  /**
   * One round in the background, then the next after {@code interval}, or after nine times as long
   * as this round took if that is longer: on a large store under a stream of recordings the thread
   * then takes at most a tenth of a core from the commands and the projections.
   */
  private void round() {
    long start = System.nanoTime();
    try {
      int computed = backgroundRound();
      if (computed > 0) {
        log.debug(
            "computed {} dashboards ahead in {} ms",
            computed,
            (System.nanoTime() - start) / 1_000_000);
      }
    } catch (RuntimeException e) {
      // The next round tries again; a request meanwhile computes its own figures.
      log.warn("could not compute dashboards ahead: {}", e.getClass().getName());
    }
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    synchronized (lifecycle) {
      if (thread != null) {
        thread.schedule(
            this::round, Math.max(interval.toMillis(), 9 * tookMillis), TimeUnit.MILLISECONDS);
      }
    }
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (!enabled || thread != null) {
        return;
      }
      thread =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread t = new Thread(task, "dashboards-ahead");
                t.setDaemon(true);
                return t;
              });
      thread.schedule(this::round, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService running;
    synchronized (lifecycle) {
      running = thread;
      thread = null;
    }
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    synchronized (lifecycle) {
      return thread != null;
    }
  }
}
