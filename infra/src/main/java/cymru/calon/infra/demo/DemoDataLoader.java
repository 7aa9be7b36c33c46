package cymru.calon.infra.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With {@code --calon.demo=true}, fills an empty event store with the demo history once the
 * application has started. A store with any event in it is left alone, so a restart (or a real
 * store started in demo mode by mistake) never gets a second copy.
 */
@Component
@ConditionalOnBooleanProperty("calon.demo")
public class DemoDataLoader implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final JdbcTemplate jdbc;
  private final DispatchingLoader loader;
  private final Clock clock;
  private final int episodes;
  private final int months;
  private final long seed;
  private final String end;
  private LoadReport report;

  DemoDataLoader(
      JdbcTemplate jdbc,
      DispatchingLoader loader,
      Clock clock,
      @Value("${calon.demo.episodes:" + DemoParameters.DEFAULT_EPISODES + "}") int episodes,
      @Value("${calon.demo.months:" + DemoParameters.DEFAULT_MONTHS + "}") int months,
      @Value("${calon.demo.seed:" + DemoParameters.DEFAULT_SEED + "}") long seed,
      @Value("${calon.demo.end:}") String end) {
    this.jdbc = jdbc;
    this.loader = loader;
    this.clock = clock;
    this.episodes = episodes;
    this.months = months;
    this.seed = seed;
    this.end = end;
  }

  @Override
  public void run(ApplicationArguments args) {
    DemoParameters parameters = new DemoParameters(episodes, months, seed, end());
    if (Boolean.TRUE.equals(
        jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domain_event_entry)", Boolean.class))) {
      log.info("Demo data not loaded: the event store already holds events.");
      return;
    }
    report = loader.load(DemoData.commands(parameters));
    log.info(
        "Demo data loaded: {} commands ({} accepted, {} duplicates, {} rejected) in {} s, {}"
            + " commands/s; about {} episodes over {} months to {}, seed {}.",
        report.commands(),
        report.accepted(),
        report.duplicates(),
        report.rejected(),
        String.format("%.1f", report.took().toMillis() / 1000.0),
        Math.round(report.commandsPerSecond()),
        episodes,
        months,
        parameters.end(),
        seed);
    if (report.rejected() > 0) {
      log.warn("Demo data: generated commands were rejected, by code: {}", report.rejections());
    }
  }

  /** What this start loaded; empty when it found the store in use. */
  public Optional<LoadReport> report() {
    return Optional.ofNullable(report);
  }

  private Instant end() {
    Instant now = clock.instant();
    if (end == null || end.isBlank()) {
      return DemoParameters.startOfDay(LocalDate.ofInstant(now, WorkingTime.LONDON));
    }
    Instant configured = Instant.parse(end);
    if (configured.isAfter(now)) {
      throw new IllegalArgumentException("calon.demo.end must not be in the future");
    }
    return configured;
  }
}
