package cymru.calon.query.people;

import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.query.access.Access;
import cymru.calon.query.access.NoAccess;
import cymru.calon.query.access.Role;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.dashboard.DashboardParameters;
import cymru.calon.query.dashboard.DashboardQueries;
import cymru.calon.query.dashboard.QueryProblem;
import cymru.calon.query.dashboard.ServiceListing;
import cymru.calon.query.web.InvalidQuery;
import cymru.calon.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Person-level data over HTTP: a service's consented stories (its commissioner and provider), and a
 * person's subject-access export (the staff of their organisation). Every response is recorded in
 * the audit trail; none is cached.
 */
@RestController
class PeopleController {
  private final StoryQueries stories;
  private final PersonRecords records;
  private final DashboardQueries dashboards;
  private final SubjectAccessJson exportJson;
  private final SubjectAccessPdf exportPdf;
  private final Clock clock;

  PeopleController(
      StoryQueries stories,
      PersonRecords records,
      DashboardQueries dashboards,
      SubjectAccessJson exportJson,
      SubjectAccessPdf exportPdf,
      Clock clock) {
    this.stories = stories;
    this.records = records;
    this.dashboards = dashboards;
    this.exportJson = exportJson;
    this.exportPdf = exportPdf;
    this.clock = clock;
  }

  @Operation(
      summary = "The consented stories of a service's period, in the people's own words",
      description =
          "Only stories whose person's consent to share with commissioners still holds and who is"
              + " not forgotten. Same parameters and problems as the dashboard. Every person whose"
              + " story is returned is recorded in the audit trail.")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json"))
  @ApiResponse(
      responseCode = "403",
      description = "FORBIDDEN: not the service's provider or commissioner",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/api/v1/services/{serviceId}/stories")
  ResponseEntity<Map<String, Object>> stories(
      @PathVariable String serviceId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      Viewer viewer) {
    Access.requireServiceRole(viewer);
    DashboardParameters.Parsed parsed = DashboardParameters.service(serviceId, from, to, asOf);
    if (!parsed.valid()) {
      throw new InvalidQuery(parsed.problems().stream().map(QueryProblem::toFieldError).toList());
    }
    DashboardParameters.Query query = parsed.query();
    Instant known = query.asOf() == null ? clock.instant() : query.asOf();
    ServiceListing listing =
        dashboards
            .service(query.serviceId(), known)
            .orElseThrow(
                () ->
                    new NotFound(
                        "No service " + query.serviceId() + " was known at " + known + "."));
    Access.requireService(viewer, listing.organisationId(), listing.commissionerId());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("serviceId", query.serviceId());
    body.put("period", Map.of("from", query.from(), "to", query.to()));
    body.put("asOf", known);
    body.put(
        "stories", stories.forService(viewer, query.serviceId(), query.from(), query.to(), known));
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
  }

  @Operation(
      summary = "A person's complete record (subject access), in English or Welsh",
      description =
          "Every event about the person, in plain language, with their details and stories while"
              + " they can still be opened, and everyone who has viewed or exported their record."
              + " For the staff of the person's organisation only; recorded in the audit trail.")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json"))
  @ApiResponse(
      responseCode = "404",
      description = "NOT_FOUND: no such person in the viewer's organisation",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/api/v1/people/{personId}/record")
  ResponseEntity<Object> record(
      @PathVariable String personId,
      @RequestParam(defaultValue = "en") String lang,
      @RequestParam(defaultValue = "subject access request") String reason,
      Viewer viewer) {
    PersonRecord record = find(viewer, personId, reason);
    return ResponseEntity.ok()
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(exportJson.build(record, locale(lang)));
  }

  @GetMapping("/api/v1/people/{personId}/record.pdf")
  ResponseEntity<byte[]> recordPdf(
      @PathVariable String personId,
      @RequestParam(defaultValue = "en") String lang,
      @RequestParam(defaultValue = "subject access request") String reason,
      Viewer viewer) {
    PersonRecord record = find(viewer, personId, reason);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("record-" + record.personId() + ".pdf")
                .build()
                .toString())
        .body(exportPdf.render(record, locale(lang)));
  }

  private PersonRecord find(Viewer viewer, String personId, String reason) {
    if (viewer.role() != Role.PROVIDER) {
      throw new NoAccess("A person's record is exported only by the staff of their organisation.");
    }
    UUID id = uuid(personId);
    String why = reason.length() > 200 ? reason.substring(0, 200) : reason;
    return records
        .record(viewer, new PersonId(id), why)
        .orElseThrow(() -> new NotFound("No person " + id + " is known to your organisation."));
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new NotFound("No such person.");
    }
  }

  private static Locale locale(String lang) {
    return switch (lang) {
      case "cy" -> Locale.forLanguageTag("cy");
      case "en" -> Locale.ENGLISH;
      default ->
          throw new InvalidQuery(
              List.of(new cymru.calon.commands.api.errors.FieldError("lang", "must be en or cy")));
    };
  }
}
