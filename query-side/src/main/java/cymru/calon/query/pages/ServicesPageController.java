package cymru.calon.query.pages;

import cymru.calon.query.access.Role;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.dashboard.DashboardQueries;
import cymru.calon.query.dashboard.ServiceListing;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The services list: the viewer's services, each linked to its dashboard for the last twelve
 * months.
 */
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

  /** Where each role starts: policy staff on the policy view, everyone else on their services. */
  @GetMapping("/")
  String home(Viewer viewer) {
    return viewer.role() == Role.POLICY ? "redirect:/policy" : "redirect:/services";
  }

  /**
   * The services the viewer may see: their organisation's for provider staff, the ones they
   * commission for a commissioner. Policy staff see services only pooled, so they are sent to the
   * policy view.
   */
  @GetMapping("/services")
  String services(Model model, Locale locale, Viewer viewer) {
    if (viewer.role() == Role.POLICY) {
      return "redirect:/policy";
    }
    Periods.Period period = Periods.lastTwelveMonths(clock);
    // filtered again here, so that a query that ever returned too much could not show it
    List<ServiceListing> services =
        queries.services(viewer).stream()
            .filter(s -> viewer.maySeeService(s.organisationId(), s.commissionerId()))
            .toList();
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
