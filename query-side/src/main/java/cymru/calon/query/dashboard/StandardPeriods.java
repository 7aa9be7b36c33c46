package cymru.calon.query.dashboard;

import cymru.calon.query.figures.FigureWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The periods dashboards are usually read for, by the London calendar: the last twelve whole months
 * (what the pages open with when no period is asked for), the last whole month, the month so far
 * and the last whole calendar quarter. {@link DashboardsAhead} computes these ahead of requests.
 */
public final class StandardPeriods {
  /** A period {@code [from, to)} of local dates. */
  public record Period(LocalDate from, LocalDate to) {}

  private StandardPeriods() {}

  /** The last twelve whole months before the month of {@code now}. */
  public static Period lastTwelveMonths(Instant now) {
    LocalDate month = firstOfTheMonth(now);
    return new Period(month.minusMonths(12), month);
  }

  /** Every standard period at {@code now}. */
  static List<Period> at(Instant now) {
    LocalDate month = firstOfTheMonth(now);
    LocalDate quarter = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
    return List.of(
        lastTwelveMonths(now),
        new Period(month.minusMonths(1), month),
        new Period(month, month.plusMonths(1)),
        new Period(quarter.minusMonths(3), quarter));
  }

  private static LocalDate firstOfTheMonth(Instant now) {
    return now.atZone(FigureWindow.LONDON).toLocalDate().withDayOfMonth(1);
  }
}
