package cymru.calon.query.pages;

import cymru.calon.query.access.Access;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.dashboard.DashboardParameters;
import cymru.calon.query.dashboard.DashboardQueries;
import cymru.calon.query.dashboard.DashboardView;
import cymru.calon.query.people.RecordText;
import cymru.calon.query.people.StoryQueries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A service's dashboard: the KPI view and the relational view of one period side by side, then
 * every figure with its chart and data table.
 */
@Controller
class DashboardPageController {
  private final DashboardQueries queries;
  private final DashboardPresenter presenter;
  private final FigureText text;
  private final StoryQueries stories;
  private final RecordText words;
  private final Clock clock;

  DashboardPageController(
      DashboardQueries queries,
      DashboardPresenter presenter,
      FigureText text,
      StoryQueries stories,
      RecordText words,
      Clock clock) {
    this.queries = queries;
    this.presenter = presenter;
    this.text = text;
    this.stories = stories;
    this.words = words;
    this.clock = clock;
  }

  /** A consented story as the voice section shows it. */
  record StoryView(String date, String language, String values, String text) {}

  private List<StoryView> stories(Viewer viewer, DashboardParameters.Query query, Locale locale) {
    Instant asOf = query.asOf() == null ? clock.instant() : query.asOf();
    return stories.forService(viewer, query.serviceId(), query.from(), query.to(), asOf).stream()
        .map(
            story ->
                new StoryView(
                    words.date(story.occurredOn(), locale),
                    story.language(),
                    String.join(
                        ", ",
                        story.relationalValues().stream()
                            .map(value -> words.message("record.value." + value, locale))
                            .toList()),
                    story.text()))
        .toList();
  }

  @GetMapping("/services/{serviceId}/dashboard")
  String dashboard(
      @PathVariable String serviceId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      Model model,
      Locale locale,
      HttpServletResponse response,
      Viewer viewer) {
    UUID service = uuid(serviceId);
    Access.requireServiceRole(viewer);
    queries
        .service(service, null)
        .ifPresent(
            listing ->
                Access.requireService(viewer, listing.organisationId(), listing.commissionerId()));
    if (from == null && to == null) {
      Periods.Period period = Periods.lastTwelveMonths(clock);
      return "redirect:/services/"
          + service
          + "/dashboard?from="
          + period.from()
          + "&to="
          + period.to()
          + (asOf == null ? "" : "&asOf=" + asOf);
    }
    model.addAttribute("form", DashboardModel.form(from, to, asOf));
    DashboardParameters.Parsed parsed =
        DashboardParameters.service(service.toString(), from, to, asOf);
    if (!parsed.valid()) {
      var listing =
          queries.service(service, null).orElseThrow(() -> new PageNotFound("error.no-service"));
      model.addAttribute("service", listing);
      model.addAttribute("title", listing.name());
      DashboardModel.errors(model, parsed.problems(), text, locale);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "dashboard";
    }
    queries
        .service(service, parsed.query().asOf())
        .ifPresent(
            listing ->
                Access.requireService(viewer, listing.organisationId(), listing.commissionerId()));
    DashboardView view =
        queries
            .service(parsed.query(), viewer, false)
            .orElseThrow(() -> new PageNotFound("error.no-service"));
    model.addAttribute("service", view.service());
    model.addAttribute("title", view.service().name());
    model.addAttribute(
        "scopeLine",
        text.message(
            "dashboard.service-scope",
            locale,
            text.cohort(view.service().cohort(), locale),
            text.area(view.service().areaCode(), locale)));
    Map<String, String> query = new LinkedHashMap<>(DashboardModel.form(from, to, asOf));
    DashboardModel.figures(
        model, view, presenter, text, locale, "/api/v1/services/" + service + "/dashboard", query);
    model.addAttribute("stories", stories(viewer, parsed.query(), locale));
    return "dashboard";
  }

  @ExceptionHandler(PageNotFound.class)
  String notFound(
      PageNotFound e,
      Model model,
      HttpServletRequest request,
      Locale locale,
      HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    PageModel.frame(model, request, locale);
    model.addAttribute("messageKey", e.messageKey());
    return "not-found";
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new PageNotFound("error.no-service");
    }
  }
}
