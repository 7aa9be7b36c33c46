package cymru.calon.query.figures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The period P = [from, to) of local dates in Europe/London, the as-of instant, and the observation
 * horizon H = min(asOf, now) of METRICS.md.
 */
public record FigureWindow(LocalDate from, LocalDate to, Instant asOf, Instant horizon) {
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  public FigureWindow {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the period ends after it starts");
    }
  }

  public static FigureWindow of(LocalDate from, LocalDate to, Instant asOf, Instant now) {
    return new FigureWindow(from, to, asOf, asOf.isBefore(now) ? asOf : now);
  }

  public Instant start() {
    return from.atStartOfDay(LONDON).toInstant();
  }

  /** The first instant after P. */
  public Instant end() {
    return to.atStartOfDay(LONDON).toInstant();
  }

  /** The end of P as far as it has been observed: min(end of P, H). */
  public Instant observedEnd() {
    return end().isBefore(horizon) ? end() : horizon;
  }

  /** Calendar months in P: whole months, then the rest as a fraction of the month it falls in. */
  public double months() {
    long whole = ChronoUnit.MONTHS.between(from, to);
    LocalDate rest = from.plusMonths(whole);
    return whole + (double) ChronoUnit.DAYS.between(rest, to) / rest.lengthOfMonth();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** (t2 − t1) in seconds / 86400, as METRICS.md measures durations. */
  static double days(Instant from, Instant to) {
    Duration between = Duration.between(from, to);
    return (between.getSeconds() + between.getNano() / 1e9) / 86_400.0;
  }

  static LocalDate localDate(Instant instant) {
    return instant.atZone(LONDON).toLocalDate();
  }
}
