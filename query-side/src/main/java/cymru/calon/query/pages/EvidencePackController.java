package cymru.calon.query.pages;

import cymru.calon.query.dashboard.DashboardParameters;
import cymru.calon.query.dashboard.DashboardQueries;
import cymru.calon.query.dashboard.DashboardView;
import cymru.calon.query.dashboard.QueryProblem;
import cymru.calon.query.web.InvalidQuery;
import cymru.calon.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence packs beside the JSON dashboards (API.md): {@code dashboard.csv} and {@code
 * dashboard.pdf}, with the same parameters and the same figures, in the language of {@code lang}
 * (or the reader's). Wrong parameters get the same problem responses as the JSON.
 */
@RestController
class EvidencePackController {
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final DashboardQueries queries;
  private final EvidencePack pack;

  EvidencePackController(DashboardQueries queries, EvidencePack pack) {
    this.queries = queries;
    this.pack = pack;
  }

  @Operation(summary = "One service's figures as CSV, in English or Welsh (lang=en|cy)")
  @GetMapping("/api/v1/services/{serviceId}/dashboard.csv")
  ResponseEntity<byte[]> serviceCsv(
      @PathVariable String serviceId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      Locale locale) {
    DashboardView view = service(serviceId, from, to, asOf);
    return file(pack.csv(view, locale), CSV, name(view, "csv"));
  }

  @Operation(summary = "One service's evidence pack as a tagged PDF/UA report (lang=en|cy)")
  @GetMapping("/api/v1/services/{serviceId}/dashboard.pdf")
  ResponseEntity<byte[]> servicePdf(
      @PathVariable String serviceId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      Locale locale) {
    DashboardView view = service(serviceId, from, to, asOf);
    return file(pack.pdf(view, locale), MediaType.APPLICATION_PDF, name(view, "pdf"));
  }

  @Operation(summary = "The policy figures as CSV (always suppressed)")
  @GetMapping("/api/v1/policy/dashboard.csv")
  ResponseEntity<byte[]> policyCsv(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String areaCode,
      @RequestParam(required = false) String cohort,
      @RequestParam(required = false) String asOf,
      Locale locale) {
    DashboardView view = policy(from, to, asOf, areaCode, cohort);
    return file(pack.csv(view, locale), CSV, name(view, "csv"));
  }

  @Operation(summary = "The policy figures as a tagged PDF/UA report (always suppressed)")
  @GetMapping("/api/v1/policy/dashboard.pdf")
  ResponseEntity<byte[]> policyPdf(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String areaCode,
      @RequestParam(required = false) String cohort,
      @RequestParam(required = false) String asOf,
      Locale locale) {
    DashboardView view = policy(from, to, asOf, areaCode, cohort);
    return file(pack.pdf(view, locale), MediaType.APPLICATION_PDF, name(view, "pdf"));
  }

  private DashboardView service(String serviceId, String from, String to, String asOf) {
    DashboardParameters.Query query = valid(DashboardParameters.service(serviceId, from, to, asOf));
    return queries
        .service(query)
        .orElseThrow(() -> new NotFound("No service " + query.serviceId() + " was known then."));
  }

  private DashboardView policy(
      String from, String to, String asOf, String areaCode, String cohort) {
    return queries.policy(valid(DashboardParameters.policy(from, to, asOf, areaCode, cohort)));
  }

  private static DashboardParameters.Query valid(DashboardParameters.Parsed parsed) {
    if (!parsed.valid()) {
      throw new InvalidQuery(parsed.problems().stream().map(QueryProblem::toFieldError).toList());
    }
    return parsed.query();
  }

  /** A file name that says what it holds, from ids and dates only (never a service's name). */
  private static String name(DashboardView view, String extension) {
    String scope =
        view.service() != null
            ? "service-" + view.service().serviceId()
            : "policy"
                + (view.areaCode() == null ? "" : "-" + view.areaCode())
                + (view.cohort() == null
                    ? ""
                    : "-" + view.cohort().name().toLowerCase(Locale.ROOT));
    return "calon-" + scope + "-" + view.from() + "-" + view.to() + "." + extension;
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
