package cymru.calon.query.pages;

import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.query.access.Access;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.dashboard.DashboardParameters;
import cymru.calon.query.dashboard.DashboardQueries;
import cymru.calon.query.dashboard.DashboardView;
import cymru.calon.query.dashboard.QueryProblem;
import cymru.calon.query.web.InvalidQuery;
import cymru.calon.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

  /** The value of {@code smallNumbers} that suppresses them for everyone. */
  static final String HIDDEN = "hidden";

  private final DashboardQueries queries;
  private final EvidencePack pack;

  EvidencePackController(DashboardQueries queries, EvidencePack pack) {
    this.queries = queries;
    this.pack = pack;
  }

  @Operation(
      summary =
          "One service's evidence pack: format csv (the figures) or pdf (a tagged PDF/UA"
              + " report), in English or Welsh (lang=en|cy)",
      description =
          "Suppressed as the JSON is for the same reader. smallNumbers=hidden suppresses small"
              + " numbers for the organisation's own staff too: the pack to share outside it.")
  @GetMapping("/api/v1/services/{serviceId}/dashboard.{format}")
  ResponseEntity<byte[]> service(
      @PathVariable String serviceId,
      @PathVariable String format,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String smallNumbers,
      Locale locale,
      Viewer viewer) {
    Access.requireServiceRole(viewer);
    Format chosen = Format.of(format);
    boolean hide = hidden(smallNumbers);
    return file(
        service(serviceId, from, to, asOf, hide, viewer),
        chosen,
        locale,
        hide ? "-small-numbers-hidden" : "");
  }

  /** {@code smallNumbers}: left out (as the reader may see them) or {@code hidden}. */
  private static boolean hidden(String smallNumbers) {
    if (smallNumbers == null) {
      return false;
    }
    if (smallNumbers.equals(HIDDEN)) {
      return true;
    }
    throw new InvalidQuery(
        List.of(new FieldError("smallNumbers", "smallNumbers is hidden, or left out.")));
  }

  @Operation(
      summary = "The policy evidence pack, always suppressed: format csv or pdf (lang=en|cy)")
  @GetMapping("/api/v1/policy/dashboard.{format}")
  ResponseEntity<byte[]> policy(
      @PathVariable String format,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String areaCode,
      @RequestParam(required = false) String cohort,
      @RequestParam(required = false) String asOf,
      Locale locale,
      Viewer viewer) {
    Access.requirePolicy(viewer);
    Format chosen = Format.of(format);
    return file(policy(from, to, asOf, areaCode, cohort), chosen, locale, "");
  }

  /** The two kinds of evidence pack; any other suffix names no resource. */
  private enum Format {
    CSV,
    PDF;

    static Format of(String suffix) {
      return switch (suffix) {
        case "csv" -> CSV;
        case "pdf" -> PDF;
        default -> throw new NotFound("An evidence pack is dashboard.csv or dashboard.pdf.");
      };
    }
  }

  private DashboardView service(
      String serviceId, String from, String to, String asOf, boolean hide, Viewer viewer) {
    DashboardParameters.Query query = valid(DashboardParameters.service(serviceId, from, to, asOf));
    queries
        .service(query.serviceId(), query.asOf())
        .ifPresent(
            listing ->
                Access.requireService(viewer, listing.organisationId(), listing.commissionerId()));
    return queries
        .service(query, viewer, hide)
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
  private static String name(DashboardView view, String ending) {
    String scope =
        view.service() != null
            ? "service-" + view.service().serviceId()
            : "policy"
                + (view.areaCode() == null ? "" : "-" + view.areaCode())
                + (view.cohort() == null
                    ? ""
                    : "-" + view.cohort().name().toLowerCase(Locale.ROOT));
    return "calon-" + scope + "-" + view.from() + "-" + view.to() + ending;
  }

  /** The pack as a download; {@code marked} tells a shared pack's file name from the other. */
  private ResponseEntity<byte[]> file(
      DashboardView view, Format format, Locale locale, String marked) {
    byte[] body = format == Format.CSV ? pack.csv(view, locale) : pack.pdf(view, locale);
    MediaType type = format == Format.CSV ? CSV : MediaType.APPLICATION_PDF;
    String name = name(view, marked + "." + format.name().toLowerCase(Locale.ROOT));
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
