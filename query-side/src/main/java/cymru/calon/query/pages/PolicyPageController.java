package cymru.calon.query.pages;

import cymru.calon.commands.api.service.Cohort;
import cymru.calon.query.access.Access;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.dashboard.DashboardParameters;
import cymru.calon.query.dashboard.DashboardQueries;
import cymru.calon.query.dashboard.DashboardView;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The policy view: the same figures pooled over every service of an area and/or cohort, always
 * suppressed, never person-level.
 */
@Controller
class PolicyPageController {
  record Option(String value, String label, boolean selected) {}

  private final DashboardQueries queries;
  private final DashboardPresenter presenter;
  private final FigureText text;
  private final Clock clock;

  PolicyPageController(
      DashboardQueries queries, DashboardPresenter presenter, FigureText text, Clock clock) {
    this.queries = queries;
    this.presenter = presenter;
    this.text = text;
    this.clock = clock;
  }

  @GetMapping("/policy")
  String policy(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String areaCode,
      @RequestParam(required = false) String cohort,
      Model model,
      Locale locale,
      HttpServletResponse response,
      Viewer viewer) {
    Access.requirePolicy(viewer);
    if (from == null && to == null) {
      Periods.Period period = Periods.lastTwelveMonths(clock);
      from = period.from().toString();
      to = period.to().toString();
    }
    Map<String, String> form = DashboardModel.form(from, to, asOf);
    form.put("areaCode", areaCode == null ? "" : areaCode);
    form.put("cohort", cohort == null ? "" : cohort);
    model.addAttribute("form", form);
    model.addAttribute("areas", areas(areaCode, locale));
    model.addAttribute("cohorts", cohorts(cohort, locale));
    model.addAttribute("title", text.message("policy.title", locale));
    DashboardParameters.Parsed parsed =
        DashboardParameters.policy(from, to, asOf, areaCode, cohort);
    if (!parsed.valid()) {
      DashboardModel.errors(model, parsed.problems(), text, locale);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "policy";
    }
    DashboardView view = queries.policy(parsed.query());
    model.addAttribute(
        "scopeLine",
        text.message(
            "policy.scope",
            locale,
            text.area(view.areaCode(), locale),
            text.cohort(view.cohort(), locale),
            view.services()));
    DashboardModel.figures(
        model,
        view,
        presenter,
        text,
        locale,
        "/api/v1/policy/dashboard",
        new LinkedHashMap<>(form));
    return "policy";
  }

  private List<Option> areas(String chosen, Locale locale) {
    List<Option> options = new java.util.ArrayList<>();
    options.add(new Option("", text.message("scope.all-areas", locale), blank(chosen)));
    for (String code : queries.areaCodes()) {
      options.add(new Option(code, text.area(code, locale), code.equals(chosen)));
    }
    return options;
  }

  private List<Option> cohorts(String chosen, Locale locale) {
    List<Option> options = new java.util.ArrayList<>();
    options.add(new Option("", text.message("scope.all-cohorts", locale), blank(chosen)));
    Arrays.stream(Cohort.values())
        .forEach(
            c ->
                options.add(new Option(c.name(), text.cohort(c, locale), c.name().equals(chosen))));
    return options;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
