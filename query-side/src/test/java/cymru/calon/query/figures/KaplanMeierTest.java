package cymru.calon.query.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cymru.calon.query.figures.KaplanMeier.Observation;
import cymru.calon.query.figures.KaplanMeier.Step;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Pinned against R's survival package on its {@code aml} data set (Miller 1981): acute myelogenous
 * leukaemia, weeks to relapse, {@code +} marking censored times. Expected figures are R's {@code
 * summary(survfit(Surv(time, status) ~ 1, data = ..., conf.type = "log-log"))}, rounded as R prints
 * them.
 */
class KaplanMeierTest {
  private static final Offset<Double> PRINTED = within(0.0005);

  /** aml, x = Maintained: 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+. */
  private static final List<Observation> MAINTAINED =
      observations("9 13 13+ 18 23 28+ 31 34 45+ 48 161+");

  /** aml, x = Nonmaintained: 5, 5, 8, 8, 12, 16+, 23, 27, 30, 33, 43, 45. */
  private static final List<Observation> NONMAINTAINED =
      observations("5 5 8 8 12 16+ 23 27 30 33 43 45");

  @Test
  void maintainedGroup_matchesR() {
    KaplanMeier km = KaplanMeier.estimate(MAINTAINED);

    // time n.risk n.event survival lower 95% CI upper 95% CI (log-log)
    double[][] r = {
      {9, 11, 1, 0.909, 0.5081, 0.987},
      {13, 10, 1, 0.818, 0.4474, 0.951},
      {18, 8, 1, 0.716, 0.3502, 0.899},
      {23, 7, 1, 0.614, 0.2658, 0.835},
      {31, 5, 1, 0.491, 0.1673, 0.753},
      {34, 4, 1, 0.368, 0.0928, 0.657},
      {48, 2, 1, 0.184, 0.0117, 0.525}
    };
    assertSteps(km, r);
    assertThat(km.subjects()).isEqualTo(11);
    assertThat(km.events()).isEqualTo(7);
    assertThat(km.censored()).isEqualTo(4);
    assertThat(km.median()).hasValue(31.0);
  }

  @Test
  void nonmaintainedGroup_matchesR_withTiedEvents() {
    KaplanMeier km = KaplanMeier.estimate(NONMAINTAINED);

    assertThat(km.steps().getFirst())
        .satisfies(
            s -> {
              assertThat(s.time()).isEqualTo(5.0);
              assertThat(s.atRisk()).isEqualTo(12);
              assertThat(s.events()).isEqualTo(2);
              assertThat(s.survival()).isCloseTo(0.8333, within(0.00005));
            });
    assertThat(km.survivalAt(12)).isCloseTo(0.5833, within(0.00005));
    // 16+ leaves the risk set: at 23, 6 remain at risk (R: 23 6 1 0.4861).
    assertThat(km.steps().get(3).atRisk()).isEqualTo(6);
    assertThat(km.steps().get(3).survival()).isCloseTo(0.4861, within(0.00005));
    assertThat(km.median()).hasValue(23.0);
    assertThat(km.steps().getLast().survival()).isZero();
    assertThat(km.steps().getLast().lower()).isNaN();
  }

  @Test
  void wholeDataSet_medianIs27() {
    List<Observation> all = new ArrayList<>(MAINTAINED);
    all.addAll(NONMAINTAINED);
    KaplanMeier km = KaplanMeier.estimate(all);
    assertThat(km.subjects()).isEqualTo(23);
    assertThat(km.events()).isEqualTo(18);
    assertThat(km.median()).hasValue(27.0);
  }

  @Test
  void survivalAt_isRightContinuous() {
    KaplanMeier km = KaplanMeier.estimate(MAINTAINED);
    assertThat(km.survivalAt(8.999)).isEqualTo(1.0);
    assertThat(km.survivalAt(9)).isCloseTo(10.0 / 11, within(1e-12));
    assertThat(km.survivalAt(200)).isCloseTo(0.184, PRINTED);
  }

  @Test
  void eventsCountBeforeCensoringsAtTheSameTime() {
    // At t = 10 one event and one censoring: both are at risk at 10, so S(10) = 1 − 1/3.
    KaplanMeier km =
        KaplanMeier.estimate(
            List.of(
                new Observation(10, false), new Observation(10, true), new Observation(20, true)));
    assertThat(km.survivalAt(10)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(km.survivalAt(20)).isZero();
  }

  @Test
  void noEvents_givesAFlatCurve_andNoMedian() {
    KaplanMeier km =
        KaplanMeier.estimate(List.of(new Observation(3, false), new Observation(7, false)));
    assertThat(km.steps()).isEmpty();
    assertThat(km.survivalAt(100)).isEqualTo(1.0);
    assertThat(km.median()).isEmpty();
  }

  private static void assertSteps(KaplanMeier km, double[][] expected) {
    assertThat(km.steps()).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      Step step = km.steps().get(i);
      double[] row = expected[i];
      assertThat(step.time()).as("time").isEqualTo(row[0]);
      assertThat(step.atRisk()).as("n.risk at %s", row[0]).isEqualTo((int) row[1]);
      assertThat(step.events()).as("n.event at %s", row[0]).isEqualTo((int) row[2]);
      assertThat(step.survival()).as("survival at %s", row[0]).isCloseTo(row[3], PRINTED);
      assertThat(step.lower()).as("lower at %s", row[0]).isCloseTo(row[4], within(0.00005 + 1e-9));
      assertThat(step.upper()).as("upper at %s", row[0]).isCloseTo(row[5], PRINTED);
    }
  }

  private static List<Observation> observations(String data) {
    List<Observation> result = new ArrayList<>();
    for (String value : data.split(" ")) {
      boolean censored = value.endsWith("+");
      result.add(new Observation(Double.parseDouble(value.replace("+", "")), !censored));
    }
    return result;
  }
}
