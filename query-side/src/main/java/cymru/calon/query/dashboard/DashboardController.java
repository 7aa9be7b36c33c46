package cymru.calon.query.dashboard;

import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.query.web.InvalidQuery;
import cymru.calon.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of METRICS.md as JSON (API.md): one service's dashboard, and the policy dashboard
 * over every service of an area and/or cohort. Both are commissioner- or policy-facing, so small
 * numbers are always suppressed.
 */
@RestController
class DashboardController {
  /**
   * Longer periods are refused: no figure is meant for them and they would only load the server.
   */
  static final int MAX_PERIOD_DAYS = 3_700;

  private final Dashboards dashboards;
  private final DashboardScopes scopes;
  private final Clock clock;
  private final JsonMapper json;

  DashboardController(Dashboards dashboards, DashboardScopes scopes, Clock clock, JsonMapper json) {
    this.dashboards = dashboards;
    this.scopes = scopes;
    this.clock = clock;
    this.json = json;
  }

  /** The body, written once per computed dashboard and audience (it is 100 KB with a curve). */
  private ResponseEntity<byte[]> respond(
      Dashboards.Computed figures, String audience, Map<String, Object> head) {
    byte[] body =
        figures.body(
            audience,
            () -> {
              Map<String, Object> all = new LinkedHashMap<>(head);
              all.put("asOf", figures.asOf());
              all.putAll(figures.figures());
              return json.writeValueAsBytes(all);
            });
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @Operation(
      summary = "The KPI view and the relational view of one service for a period",
      description =
          "Every figure of METRICS.md (kpi.referrals … relational.peerSupport), small numbers"
              + " suppressed. A count is a number, a rate {numerator, denominator, rate}, a"
              + " suppressed figure {suppressed: true}. asOf (default now) shows only what had been"
              + " recorded by then.")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
  @ApiResponse(
      responseCode = "400",
      description = "INVALID_QUERY: a parameter is missing or wrong (errors name each)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "404",
      description = "NOT_FOUND: no such service was known at asOf",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/api/v1/services/{serviceId}/dashboard")
  ResponseEntity<byte[]> service(
      @PathVariable String serviceId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf) {
    List<FieldError> errors = new ArrayList<>();
    UUID service = uuid("serviceId", serviceId, errors);
    Query query = query(from, to, asOf, errors);
    if (!errors.isEmpty()) {
      throw new InvalidQuery(errors);
    }
    Instant known = query.asOf() == null ? clock.instant() : query.asOf();
    if (!scopes.serviceKnown(service, known)) {
      throw new NotFound("No service " + service + " was known at " + known + ".");
    }
    Dashboards.Computed figures =
        dashboards.figures(List.of(service), query.from(), query.to(), query.asOf());
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("serviceId", service);
    head.put("period", period(query));
    return respond(figures, "service " + service, head);
  }

  @Operation(
      summary = "The same figures pooled over every service of an area and/or cohort",
      description =
          "Always suppressed, never person-level; all services when neither areaCode nor cohort"
              + " is given.")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
  @ApiResponse(
      responseCode = "400",
      description = "INVALID_QUERY: a parameter is missing or wrong (errors name each)",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/api/v1/policy/dashboard")
  ResponseEntity<byte[]> policy(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String areaCode,
      @RequestParam(required = false) String cohort,
      @RequestParam(required = false) String asOf) {
    List<FieldError> errors = new ArrayList<>();
    Query query = query(from, to, asOf, errors);
    Cohort chosenCohort = null;
    if (cohort != null && !cohort.isBlank()) {
      try {
        chosenCohort = Cohort.valueOf(cohort);
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                "cohort", "cohort is one of " + java.util.Arrays.toString(Cohort.values()) + "."));
      }
    }
    String area = areaCode == null || areaCode.isBlank() ? null : areaCode.strip();
    if (area != null && !area.matches("[A-Z][0-9]{8}")) {
      errors.add(new FieldError("areaCode", "areaCode is a GSS code such as W06000015."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidQuery(errors);
    }
    Instant known = query.asOf() == null ? clock.instant() : query.asOf();
    List<UUID> services = scopes.services(area, chosenCohort, known);
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("areaCode", area);
    scope.put("cohort", chosenCohort);
    scope.put("services", services.size());
    Dashboards.Computed figures =
        dashboards.figures(services, query.from(), query.to(), query.asOf());
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("scope", scope);
    head.put("period", period(query));
    return respond(figures, "policy " + area + " " + chosenCohort, head);
  }

  private static Map<String, Object> period(Query query) {
    Map<String, Object> period = new LinkedHashMap<>();
    period.put("from", query.from());
    period.put("to", query.to());
    return period;
  }

  /** A valid period and the as-of instant asked for (null: now). */
  private record Query(LocalDate from, LocalDate to, Instant asOf) {}

  private static Query query(String from, String to, String asOf, List<FieldError> errors) {
    LocalDate start = date("from", from, errors);
    LocalDate end = date("to", to, errors);
    Instant asOfInstant = null;
    if (asOf != null && !asOf.isBlank()) {
      try {
        asOfInstant = OffsetDateTime.parse(asOf.strip()).toInstant();
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError("asOf", "asOf is an ISO-8601 instant, e.g. 2025-06-30T17:00:00Z."));
      }
    }
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        errors.add(new FieldError("to", "to is after from: the period is [from, to)."));
      } else if (ChronoUnit.DAYS.between(start, end) > MAX_PERIOD_DAYS) {
        errors.add(new FieldError("to", "A period is at most " + MAX_PERIOD_DAYS + " days long."));
      }
    }
    return errors.isEmpty() ? new Query(start, end, asOfInstant) : null;
  }

  private static LocalDate date(String name, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(name, name + " is required, as YYYY-MM-DD."));
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, name + " is a date as YYYY-MM-DD."));
      return null;
    }
  }

  private static UUID uuid(String name, String value, List<FieldError> errors) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(name, name + " is a UUID."));
      return null;
    }
  }
}
