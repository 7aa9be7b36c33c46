package cymru.calon.query.figures;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One figure of METRICS.md, with what suppression needs to judge it. {@link #render} gives its JSON
 * value: a count is a number, a rate {@code {"numerator","denominator","rate"}}, and a suppressed
 * figure {@code {"suppressed": true}}.
 */
public sealed interface Figure {
  Map<String, Object> SUPPRESSED = Map.of("suppressed", true);

  Object render(Suppression suppression);

  /** How many of something: shown as suppressed when 1 to 4 (by default). */
  record Count(long value) implements Figure {
    @Override
    public Object render(Suppression suppression) {
      return suppression.hidesCount(value) ? SUPPRESSED : value;
    }
  }

  /** numerator / denominator, both counts. */
  record Rate(long numerator, long denominator) implements Figure {
    @Override
    public Object render(Suppression suppression) {
      if (suppression.hidesDenominator(denominator) || suppression.hidesCount(numerator)) {
        return SUPPRESSED;
      }
      return rate(numerator, denominator);
    }
  }

  /**
   * A share of minutes: both parts are minutes, so suppression judges the number of contacts they
   * come from.
   */
  record MinutesShare(long numerator, long denominator, long contacts) implements Figure {
    @Override
    public Object render(Suppression suppression) {
      if (suppression.hidesDenominator(contacts)) {
        return SUPPRESSED;
      }
      return rate(numerator, denominator);
    }
  }

  /** A sum of minutes from {@code contacts} contacts. */
  record Minutes(long value, long contacts) implements Figure {
    @Override
    public Object render(Suppression suppression) {
      return suppression.hidesCount(contacts) ? SUPPRESSED : value;
    }
  }

  /** A mean over {@code denominator} things; null when there are none. */
  record Mean(Double value, long denominator) implements Figure {
    @Override
    public Object render(Suppression suppression) {
      return suppression.hidesDenominator(denominator) ? SUPPRESSED : value;
    }
  }

  /**
   * A median or survival figure from {@code episodes} episodes (or outcomes); null when it does not
   * exist (e.g. the curve never reaches 0.5).
   */
  record FromEpisodes(Double value, long episodes) implements Figure {
    @Override
    public Object render(Suppression suppression) {
      return suppression.hidesEpisodes(episodes) ? SUPPRESSED : value;
    }
  }

  private static Map<String, Object> rate(long numerator, long denominator) {
    Map<String, Object> rate = new LinkedHashMap<>();
    rate.put("numerator", numerator);
    rate.put("denominator", denominator);
    rate.put("rate", denominator == 0 ? null : (double) numerator / denominator);
    return rate;
  }
}
