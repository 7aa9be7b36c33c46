package cymru.calon.query.pages;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.query.figures.FigureWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Figures, numbers and dates as words and digits in the reader's language: the one place that
 * decides how a value reads, for the pages, the CSV and the PDF alike.
 */
@Component
public class FigureText {
  private final MessageSource messages;

  public FigureText(MessageSource messages) {
    this.messages = messages;
  }

  public String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  /** Whether a dashboard value is the suppressed marker {@code {"suppressed": true}}. */
  public static boolean suppressed(Object raw) {
    return raw instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("suppressed"));
  }

  /** The value of a figure as it is shown. */
  public String value(Object raw, FigureCatalogue.Kind kind, Locale locale) {
    if (suppressed(raw)) {
      return message("figure.suppressed", locale);
    }
    if (raw == null) {
      return message(
          kind == FigureCatalogue.Kind.DAYS ? "figure.not-reached" : "figure.no-data", locale);
    }
    return switch (kind) {
      case COUNT -> number(((Number) raw).longValue(), locale);
      case RATE -> rate(raw, locale);
      case MEAN -> decimal(((Number) raw).doubleValue(), 2, locale);
      case SCORE -> message("figure.score", locale, round(((Number) raw).doubleValue(), 1));
      case DAYS -> message("figure.days", locale, round(((Number) raw).doubleValue(), 1));
      case MINUTES -> message("figure.minutes", locale, Math.round(((Number) raw).doubleValue()));
      case MEAN_MINUTES ->
          message("figure.minutes", locale, round(((Number) raw).doubleValue(), 1));
      case SURVIVAL -> percent(((Number) raw).doubleValue(), locale);
    };
  }

  private String rate(Object raw, Locale locale) {
    Map<?, ?> rate = (Map<?, ?>) raw;
    long numerator = ((Number) rate.get("numerator")).longValue();
    long denominator = ((Number) rate.get("denominator")).longValue();
    Object share = rate.get("rate");
    if (share == null) {
      return message("figure.rate-empty", locale, denominator);
    }
    return message(
        "figure.rate",
        locale,
        percent(((Number) share).doubleValue(), locale),
        numerator,
        denominator);
  }

  public String number(long value, Locale locale) {
    return NumberFormat.getIntegerInstance(ULocale.forLocale(locale)).format(value);
  }

  public String decimal(double value, int digits, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(ULocale.forLocale(locale));
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(value);
  }

  public String percent(double share, Locale locale) {
    NumberFormat format = NumberFormat.getPercentInstance(ULocale.forLocale(locale));
    format.setMaximumFractionDigits(1);
    return format.format(share);
  }

  public String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
  }

  /** An instant as the local date and time in Europe/London. */
  public String instant(Instant instant, Locale locale) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale)
        .format(instant.atZone(FigureWindow.LONDON));
  }

  /** An area's name (a Welsh local authority or health board), or its code when it has none. */
  public String area(String code, Locale locale) {
    return code == null
        ? message("scope.all-areas", locale)
        : messages.getMessage("area." + code, null, code, locale);
  }

  public String cohort(Cohort cohort, Locale locale) {
    return cohort == null
        ? message("scope.all-cohorts", locale)
        : message("cohort." + cohort.name(), locale);
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
