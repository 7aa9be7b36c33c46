package cymru.calon.infra.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the event store's {@code time_stamp} text. Axon writes it in UTC as ISO-8601 with a {@code
 * Z} ({@code 2026-12-03T16:19:16.338Z}) and parses it with a general ISO formatter every time an
 * event's timestamp is asked for, twice per event read: in a replay that was a fifth of the
 * processors' CPU. Text of exactly that form is read here by position; anything else (an offset, a
 * year past 9999, a malformed value) goes to Axon's own parser, which accepts or rejects it as
 * before.
 */
final class StoredTimestamps {
  private static final int[] SCALE = {
    100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private StoredTimestamps() {}

  static Instant parse(String text) {
    Instant instant = utc(text);
    return instant != null ? instant : DateTimeUtils.parseInstant(text);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for anything else. */
  private static Instant utc(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int fraction = length - 21;
      if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      int value = digits(text, 20, length - 1);
      if (value < 0) {
        return null;
      }
      nanos = value * SCALE[fraction - 1];
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The decimal number in {@code [from, to)}, or -1 if any character there is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
