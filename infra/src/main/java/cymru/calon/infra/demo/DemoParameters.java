package cymru.calon.infra.demo;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the demo history is generated from.
 *
 * @param episodes about how many episodes (referrals, re-referrals included) the history has
 * @param months how many months it spans, ending at {@code end}
 * @param seed the same seed (with the same other parameters) gives the same commands and ids
 * @param end nothing happens or is recorded after this; must not be in the future when loaded
 */
public record DemoParameters(int episodes, int months, long seed, Instant end) {
  public static final int DEFAULT_EPISODES = 2_000;
  public static final int DEFAULT_MONTHS = 24;
  public static final long DEFAULT_SEED = 20261122L;

  public DemoParameters {
    if (episodes < 1 || episodes > 10_000_000) {
      throw new IllegalArgumentException("episodes must be between 1 and 10,000,000");
    }
    if (months < 1 || months > 240) {
      throw new IllegalArgumentException("months must be between 1 and 240");
    }
    if (end == null) {
      throw new IllegalArgumentException("end is required");
    }
  }

  /** The first instant of the history: {@code months} before {@code end}, in Europe/London. */
  public Instant start() {
    return end.atZone(WorkingTime.LONDON).minusMonths(months).toInstant();
  }

  /** The start of the given day in Europe/London: a stable end for a history loaded that day. */
  public static Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(WorkingTime.LONDON).toInstant();
  }
}
