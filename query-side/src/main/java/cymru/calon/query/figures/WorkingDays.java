package cymru.calon.query.figures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** Weekdays that are not bank holidays, counted as METRICS.md K2 counts waiting time. */
public final class WorkingDays {
  private final Set<LocalDate> bankHolidays;

  public WorkingDays(Collection<LocalDate> bankHolidays) {
    this.bankHolidays = Set.copyOf(bankHolidays);
  }

  /** Reads one ISO date a line; blank lines and lines starting with {@code #} are ignored. */
  public static WorkingDays fromList(InputStream list) {
    Set<LocalDate> dates = new TreeSet<>();
    try (var reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        try {
          dates.add(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "Line " + number + " of the bank holiday list is not an ISO date (YYYY-MM-DD).");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WorkingDays(dates);
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
  }

  /**
   * The working days d with {@code from < d ≤ to}; zero when {@code to} is not after {@code from}.
   */
  public int between(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }
}
