package cymru.calon.query.pages;

import cymru.calon.query.dashboard.DashboardQueries;
import cymru.calon.query.dashboard.ServiceListing;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The services list: every service, with a link to its dashboard for the last twelve months. */
@Controller
class ServicesPageController {
  record ServiceLine(String name, String cohort, String area, String dashboardUrl) {}

  private final DashboardQueries queries;
  private final FigureText text;
  private final Clock clock;

  ServicesPageController(DashboardQueries queries, FigureText text, Clock clock) {
    this.queries = queries;
    this.text = text;
    this.clock = clock;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/services";
  }

  @GetMapping("/services")
  String services(Model model, Locale locale) {
    Periods.Period period = Periods.lastTwelveMonths(clock);
    List<ServiceListing> services = queries.services();
    model.addAttribute(
        "services",
        services.stream()
            .map(
                s ->
                    new ServiceLine(
                        s.name(),
                        text.cohort(s.cohort(), locale),
                        text.area(s.areaCode(), locale),
                        "/services/"
                            + s.serviceId()
                            + "/dashboard?from="
                            + period.from()
                            + "&to="
                            + period.to()))
            .toList());
    model.addAttribute("count", services.size());
    model.addAttribute("periodFrom", text.date(period.from(), locale));
    model.addAttribute("periodTo", text.date(period.to().minusDays(1), locale));
    return "services";
  }
}
