package cymru.calon.query.dashboard;

import cymru.calon.commands.api.service.Cohort;
import cymru.calon.query.figures.FigureWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A dashboard's query parameters as the API and the pages take them, checked once: every wrong
 * parameter is reported, not just the first.
 */
public final class DashboardParameters {
  /**
   * Longer periods are refused: no figure is meant for them and they would only load the server.
   */
  public static final int MAX_PERIOD_DAYS = 3_700;

  /** A valid query; {@code asOf} null is "now", {@code areaCode} and {@code cohort} may be null. */
  public record Query(
      LocalDate from, LocalDate to, Instant asOf, String areaCode, Cohort cohort, UUID serviceId) {}

  /** The query, or the problems that stop it being answered. */
  public record Parsed(Query query, List<QueryProblem> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  private DashboardParameters() {}

  public static Parsed service(String serviceId, String from, String to, String asOf) {
    List<QueryProblem> problems = new ArrayList<>();
    UUID service = null;
    try {
      service = UUID.fromString(serviceId);
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(new QueryProblem("serviceId", QueryProblem.Kind.NOT_A_UUID));
    }
    Parsed period = period(from, to, asOf, problems);
    if (!problems.isEmpty()) {
      return new Parsed(null, List.copyOf(problems));
    }
    Query q = period.query();
    return new Parsed(new Query(q.from(), q.to(), q.asOf(), null, null, service), List.of());
  }

  public static Parsed policy(String from, String to, String asOf, String areaCode, String cohort) {
    List<QueryProblem> problems = new ArrayList<>();
    Parsed period = period(from, to, asOf, problems);
    Cohort chosen = null;
    if (cohort != null && !cohort.isBlank()) {
      try {
        chosen = Cohort.valueOf(cohort.strip());
      } catch (IllegalArgumentException e) {
        problems.add(new QueryProblem("cohort", QueryProblem.Kind.NOT_A_COHORT));
      }
    }
    String area = areaCode == null || areaCode.isBlank() ? null : areaCode.strip();
    if (area != null && !area.matches("[A-Z][0-9]{8}")) {
      problems.add(new QueryProblem("areaCode", QueryProblem.Kind.NOT_AN_AREA_CODE));
    }
    if (!problems.isEmpty()) {
      return new Parsed(null, List.copyOf(problems));
    }
    Query q = period.query();
    return new Parsed(new Query(q.from(), q.to(), q.asOf(), area, chosen, null), List.of());
  }

  private static Parsed period(String from, String to, String asOf, List<QueryProblem> problems) {
    int before = problems.size();
    LocalDate start = date("from", from, problems);
    LocalDate end = date("to", to, problems);
    Instant asOfInstant = null;
    if (asOf != null && !asOf.isBlank()) {
      asOfInstant = instant(asOf.strip());
      if (asOfInstant == null) {
        problems.add(new QueryProblem("asOf", QueryProblem.Kind.NOT_AN_INSTANT));
      }
    }
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        problems.add(new QueryProblem("to", QueryProblem.Kind.NOT_AFTER_FROM));
      } else if (ChronoUnit.DAYS.between(start, end) > MAX_PERIOD_DAYS) {
        problems.add(new QueryProblem("to", QueryProblem.Kind.TOO_LONG));
      }
    }
    return problems.size() == before
        ? new Parsed(new Query(start, end, asOfInstant, null, null, null), List.of())
        : new Parsed(null, problems);
  }

  /** An ISO-8601 instant, or a local date meaning the end of that day in Europe/London. */
  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value).plusDays(1).atStartOfDay(FigureWindow.LONDON).toInstant();
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static LocalDate date(String name, String value, List<QueryProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new QueryProblem(name, QueryProblem.Kind.REQUIRED));
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(new QueryProblem(name, QueryProblem.Kind.NOT_A_DATE));
      return null;
    }
  }
}
