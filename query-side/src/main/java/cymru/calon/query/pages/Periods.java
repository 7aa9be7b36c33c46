package cymru.calon.query.pages;

import cymru.calon.query.figures.FigureWindow;
import java.time.Clock;
import java.time.LocalDate;

/** The period a page shows when none is asked for: the last twelve whole months. */
final class Periods {
  record Period(LocalDate from, LocalDate to) {}

  private Periods() {}

  static Period lastTwelveMonths(Clock clock) {
    LocalDate firstOfThisMonth =
        clock.instant().atZone(FigureWindow.LONDON).toLocalDate().withDayOfMonth(1);
    return new Period(firstOfThisMonth.minusMonths(12), firstOfThisMonth);
  }
}
