package cymru.calon.query.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Kaplan–Meier product-limit estimate of a survival function, with a pointwise 95% confidence
 * band from Greenwood's variance on the log(−log) scale (as R's {@code survfit(...,
 * conf.type="log-log")}). At tied times, events are counted before censorings: an observation
 * censored at t is still at risk at t (METRICS.md, R1).
 *
 * <p>No well-kept Java library does this, so it is written here and pinned against published R
 * {@code survival} results in the tests.
 */
public final class KaplanMeier {
  /** The 97.5% quantile of the standard normal distribution. */
  private static final double Z_95 = 1.959963984540054;

  private final int subjects;
  private final int events;
  private final List<Step> steps;

  private KaplanMeier(int subjects, int events, List<Step> steps) {
    this.subjects = subjects;
    this.events = events;
    this.steps = steps;
  }

  /** One observed time: an event when {@code event}, else censored at that time. */
  public record Observation(double time, boolean event) {
    public Observation {
      if (!(time >= 0) || Double.isInfinite(time)) {
        throw new IllegalArgumentException("a survival time is finite and not negative");
      }
    }
  }

  /**
   * The estimate just after time {@code time}, where at least one event happened.
   *
   * @param lower the lower end of the 95% band, NaN where it is undefined (survival 0)
   * @param upper the upper end of the 95% band, NaN where it is undefined (survival 0)
   */
  public record Step(
      double time, double survival, int atRisk, int events, double lower, double upper) {}

  public static KaplanMeier estimate(List<Observation> observations) {
    List<Observation> sorted =
        observations.stream()
            .sorted(
                Comparator.comparingDouble(Observation::time)
                    .thenComparing(o -> !o.event())) // events first at a tied time
            .toList();
    List<Step> steps = new ArrayList<>();
    int atRisk = sorted.size();
    int totalEvents = 0;
    double survival = 1.0;
    double greenwood = 0.0;
    int i = 0;
    while (i < sorted.size()) {
      double time = sorted.get(i).time();
      int deaths = 0;
      int leaving = 0;
      while (i < sorted.size() && sorted.get(i).time() == time) {
        if (sorted.get(i).event()) {
          deaths++;
        }
        leaving++;
        i++;
      }
      if (deaths > 0) {
        survival *= 1.0 - (double) deaths / atRisk;
        if (atRisk > deaths) {
          greenwood += (double) deaths / ((double) atRisk * (atRisk - deaths));
        }
        double[] band = band(survival, greenwood);
        steps.add(new Step(time, survival, atRisk, deaths, band[0], band[1]));
        totalEvents += deaths;
      }
      atRisk -= leaving;
    }
    return new KaplanMeier(sorted.size(), totalEvents, List.copyOf(steps));
  }

  /** log(−log) band: S^exp(±z·σ), σ = √(Greenwood sum) / |log S|. */
  private static double[] band(double survival, double greenwood) {
    if (survival <= 0.0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    if (survival >= 1.0) {
      return new double[] {1.0, 1.0};
    }
    double logS = Math.log(survival);
    double sigma = Math.sqrt(greenwood) / Math.abs(logS);
    // 0 < S < 1, so a larger exponent gives a smaller value.
    double lower = Math.pow(survival, Math.exp(Z_95 * sigma));
    double upper = Math.pow(survival, Math.exp(-Z_95 * sigma));
    return new double[] {lower, upper};
  }

  public int subjects() {
    return subjects;
  }

  public int events() {
    return events;
  }

  public int censored() {
    return subjects - events;
  }

  /** The step function's jumps, in time order. */
  public List<Step> steps() {
    return steps;
  }

  /** S(t), right-continuous: an event at exactly t counts. */
  public double survivalAt(double time) {
    double survival = 1.0;
    for (Step step : steps) {
      if (step.time() > time) {
        break;
      }
      survival = step.survival();
    }
    return survival;
  }

  /** The smallest t with S(t) ≤ 0.5, or empty when the curve never gets there. */
  public OptionalDouble median() {
    for (Step step : steps) {
      if (step.survival() <= 0.5) {
        return OptionalDouble.of(step.time());
      }
    }
    return OptionalDouble.empty();
  }
}
