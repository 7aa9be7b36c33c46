package cymru.calon.query.dashboard;

import cymru.calon.query.access.Access;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.figures.Suppression;
import cymru.calon.query.web.InvalidQuery;
import cymru.calon.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
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
 * over every service of an area and/or cohort. Small numbers are suppressed for commissioners and
 * policy staff; the staff of the organisation that runs a service see its figures unsuppressed
 * (METRICS.md, "Suppression"), and the response says which ({@code smallNumbersSuppressed}).
 */
@RestController
class DashboardController {
  private final Dashboards dashboards;
  private final DashboardScopes scopes;
  private final DashboardQueries queries;
  private final Clock clock;
  private final JsonMapper json;

  DashboardController(
      Dashboards dashboards,
      DashboardScopes scopes,
      DashboardQueries queries,
      Clock clock,
      JsonMapper json) {
    this.dashboards = dashboards;
    this.scopes = scopes;
    this.queries = queries;
    this.clock = clock;
    this.json = json;
  }

  /**
   * The body, written once per computed dashboard, audience and suppression (it is 100 KB with a
   * curve).
   */
  private ResponseEntity<byte[]> respond(
      Dashboards.Computed figures,
      String audience,
      Suppression suppression,
      Map<String, Object> head) {
    boolean suppressed = !suppression.equals(Suppression.NONE);
    byte[] body =
        figures.body(
            audience + (suppressed ? " suppressed" : " unsuppressed"),
            () -> {
              Map<String, Object> all = new LinkedHashMap<>(head);
              all.put("asOf", figures.asOf());
              all.put("smallNumbersSuppressed", suppressed);
              all.putAll(figures.figures(suppression));
              return json.writeValueAsBytes(all);
            });
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @Operation(
      summary = "The KPI view and the relational view of one service for a period",
      description =
          "Every figure of METRICS.md (kpi.referrals … relational.peerSupport). Small numbers"
              + " are suppressed for the commissioner; the staff of the organisation that runs the"
              + " service see their own figures unsuppressed (smallNumbersSuppressed: false). A count is a"
              + " number, a rate {numerator, denominator, rate}, a suppressed figure {suppressed:"
              + " true}. asOf (default now) shows only what had been recorded by then.")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
  @ApiResponse(
      responseCode = "400",
      description = "INVALID_QUERY: a parameter is missing or wrong (errors name each)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "403",
      description =
          "FORBIDDEN: only the staff of the organisation that runs the service and its"
              + " commissioner see it",
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
      @RequestParam(required = false) String asOf,
      Viewer viewer) {
    Access.requireServiceRole(viewer);
    DashboardParameters.Query query = valid(DashboardParameters.service(serviceId, from, to, asOf));
    UUID service = query.serviceId();
    Instant known = query.asOf() == null ? clock.instant() : query.asOf();
    ServiceListing listing =
        queries
            .service(service, known)
            .orElseThrow(
                () -> new NotFound("No service " + service + " was known at " + known + "."));
    Access.requireService(viewer, listing.organisationId(), listing.commissionerId());
    Dashboards.Computed figures =
        dashboards.figures(List.of(service), query.from(), query.to(), query.asOf());
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("serviceId", service);
    head.put("period", period(query));
    return respond(
        figures,
        "service " + service,
        dashboards.suppressionFor(viewer, listing.organisationId()),
        head);
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
  @ApiResponse(
      responseCode = "403",
      description = "FORBIDDEN: the policy dashboard is for policy staff",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/api/v1/policy/dashboard")
  ResponseEntity<byte[]> policy(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String areaCode,
      @RequestParam(required = false) String cohort,
      @RequestParam(required = false) String asOf,
      Viewer viewer) {
    Access.requirePolicy(viewer);
    DashboardParameters.Query query =
        valid(DashboardParameters.policy(from, to, asOf, areaCode, cohort));
    Instant known = query.asOf() == null ? clock.instant() : query.asOf();
    List<UUID> services = scopes.services(query.areaCode(), query.cohort(), known);
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("areaCode", query.areaCode());
    scope.put("cohort", query.cohort());
    scope.put("services", services.size());
    Dashboards.Computed figures =
        dashboards.figures(services, query.from(), query.to(), query.asOf());
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("scope", scope);
    head.put("period", period(query));
    return respond(
        figures,
        "policy " + query.areaCode() + " " + query.cohort(),
        dashboards.suppressionFor(viewer, null),
        head);
  }

  private static DashboardParameters.Query valid(DashboardParameters.Parsed parsed) {
    if (!parsed.valid()) {
      throw new InvalidQuery(parsed.problems().stream().map(QueryProblem::toFieldError).toList());
    }
    return parsed.query();
  }

  private static Map<String, Object> period(DashboardParameters.Query query) {
    Map<String, Object> period = new LinkedHashMap<>();
    period.put("from", query.from());
    period.put("to", query.to());
    return period;
  }
}
