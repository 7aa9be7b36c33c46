package cymru.calon.query.figures;

/**
 * The small-number rules of METRICS.md: a count from 1 to {@code minCount − 1} is suppressed; a
 * rate or mean whose denominator is below {@code minDenominator} is suppressed; a median or
 * survival figure from fewer than {@code minEpisodes} episodes is suppressed. Zero is shown as
 * zero. {@link #NONE} is the provider's view of its own data.
 */
public record Suppression(int minCount, int minDenominator, int minEpisodes) {
  public static final Suppression NONE = new Suppression(0, 0, 0);

  public Suppression {
    if (minCount < 0 || minDenominator < 0 || minEpisodes < 0) {
      throw new IllegalArgumentException("suppression thresholds are not negative");
    }
  }

  public static Suppression standard() {
    return new Suppression(5, 10, 10);
  }

  boolean hidesCount(long count) {
    return count > 0 && count < minCount;
  }

  boolean hidesDenominator(long denominator) {
    return denominator < minDenominator;
  }

  boolean hidesEpisodes(long episodes) {
    return episodes < minEpisodes;
  }
}
