package cymru.calon.query.dashboard;

import cymru.calon.commands.api.service.Cohort;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The figures of one dashboard, exactly as the JSON dashboard gives them to the same reader ({@code
 * kpi} and {@code relational}), with what they are about: the pages, the CSV and the PDF are made
 * from this.
 *
 * @param service the service, or null for a policy dashboard
 * @param areaCode the policy scope's area (null: every area, or a service dashboard)
 * @param cohort the policy scope's cohort (null: every cohort, or a service dashboard)
 * @param services how many services the figures pool
 * @param asOf the instant the figures show what had been recorded by
 * @param suppressed whether small numbers are suppressed (false only for the staff of the
 *     organisation that runs the service, reading its own figures)
 */
public record DashboardView(
    ServiceListing service,
    String areaCode,
    Cohort cohort,
    int services,
    LocalDate from,
    LocalDate to,
    Instant asOf,
    boolean suppressed,
    Map<String, Object> figures) {

  /** The figure at a dotted path ({@code relational.timeToTrust.medianDays}), or null. */
  public Object figure(String path) {
    Object at = figures;
    for (String part : path.split("\\.")) {
      if (!(at instanceof Map<?, ?> map)) {
        return null;
      }
      at = map.get(part);
    }
    return at;
  }
}
