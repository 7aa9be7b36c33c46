package cymru.calon.infra.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Working days and office hours in Europe/London, with the regular bank holidays of England and
 * Wales (New Year, Easter, the May and August Mondays, Christmas, with substitute days). One-off
 * holidays such as coronations are left out.
 */
final class WorkingTime {
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final int DAY_STARTS = 9 * 60;
  private static final int QUARTER_HOURS_IN_DAY = 31; // 09:00 to 16:30

  private final Map<Integer, Set<LocalDate>> bankHolidays = new HashMap<>();

  boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY
        && day != DayOfWeek.SUNDAY
        && !bankHolidays
            .computeIfAbsent(date.getYear(), WorkingTime::bankHolidaysOf)
            .contains(date);
  }

  /** The date itself when it is a working day, else the next working day. */
  LocalDate onOrAfter(LocalDate date) {
    LocalDate d = date;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The working day {@code n} working days after {@code date} (as METRICS.md counts them). */
  LocalDate plusWorkingDays(LocalDate date, int n) {
    LocalDate d = date;
    for (int i = 0; i < n; i++) {
      d = onOrAfter(d.plusDays(1));
    }
    return d;
  }

  /** A time in office hours on the given date, on the quarter hour. */
  static Instant officeHours(LocalDate date, RandomGenerator rng) {
    int minute = DAY_STARTS + 15 * rng.nextInt(QUARTER_HOURS_IN_DAY);
    return date.atStartOfDay(LONDON).plusMinutes(minute).toInstant();
  }

  /** In office hours on the first working day at least {@code days} days after {@code from}. */
  Instant workingDayAfter(Instant from, double days, RandomGenerator rng) {
    LocalDate date = onOrAfter(date(from.plusSeconds((long) (days * 86_400))));
    Instant at = officeHours(date, rng);
    return at.isAfter(from) ? at : onOrAfterTime(from, rng);
  }

  /** In office hours, strictly after {@code from}: later the same day if possible. */
  Instant onOrAfterTime(Instant from, RandomGenerator rng) {
    LocalDate day = date(from);
    if (isWorkingDay(day)) {
      Instant later = from.plusSeconds(60L * (15 + 15 * rng.nextInt(8)));
      if (date(later).equals(day)
          && later.atZone(LONDON).getHour() < 17
          && later.atZone(LONDON).getHour() >= 9) {
        return later;
      }
    }
    return officeHours(onOrAfter(day.plusDays(1)), rng);
  }

  static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, LONDON);
  }

  private static Set<LocalDate> bankHolidaysOf(int year) {
    Set<LocalDate> days = new TreeSet<>();
    substituted(days, LocalDate.of(year, Month.JANUARY, 1));
    LocalDate easter = easterSunday(year);
    days.add(easter.minusDays(2));
    days.add(easter.plusDays(1));
    LocalDate may = LocalDate.of(year, Month.MAY, 1);
    days.add(may.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
    days.add(may.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    days.add(
        LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    substituted(days, LocalDate.of(year, Month.DECEMBER, 25));
    substituted(days, LocalDate.of(year, Month.DECEMBER, 26));
    return days;
  }

  /** A holiday on a weekend moves to the next weekday that is not already a holiday. */
  private static void substituted(Set<LocalDate> days, LocalDate holiday) {
    LocalDate d = holiday;
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY
        || d.getDayOfWeek() == DayOfWeek.SUNDAY
        || days.contains(d)) {
      d = d.plusDays(1);
    }
    days.add(d);
  }

  /** The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
