package cymru.calon.query.pages;

import cymru.calon.query.dashboard.StandardPeriods;
import java.time.Clock;
import java.time.LocalDate;

/** The period a page shows when none is asked for: the last twelve whole months. */
final class Periods {
  record Period(LocalDate from, LocalDate to) {}

  private Periods() {}

  /** As computed ahead ({@link StandardPeriods}), so that opening a page finds it ready. */
  static Period lastTwelveMonths(Clock clock) {
    StandardPeriods.Period period = StandardPeriods.lastTwelveMonths(clock.instant());
    return new Period(period.from(), period.to());
  }
}
