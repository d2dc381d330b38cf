package dev.scalpel.learn.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {
  /** Ten examples that all get logits (10, 0), of which only 7 belong to class 0. */
  private static float[][] overConfidentLogits() {
    float[][] logits = new float[10][];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = new float[] {10f, 0f};
    }
    return logits;
  }

  private static final int[] SEVEN_OF_TEN = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1};

  @Test
  void recoversTheTemperatureThatMatchesConfidenceToAccuracy() {
    double temperature = TemperatureScaling.fit(overConfidentLogits(), SEVEN_OF_TEN);

    // softmax(10 / T) = 0.7 exactly when 10 / T = ln(0.7 / 0.3).
    assertThat(temperature).isCloseTo(10 / Math.log(0.7 / 0.3), within(1e-4));
    assertThat(TemperatureScaling.probabilities(new float[] {10f, 0f}, temperature)[0])
        .isCloseTo(0.7f, within(1e-5f));
  }

  @Test
  void sharpensUnderConfidentLogits() {
    float[][] logits = {{1f, 0f}, {0f, 1f}, {1f, 0f}, {0f, 1f}};

    double temperature = TemperatureScaling.fit(logits, new int[] {0, 1, 0, 1});

    // Always right, so the likelihood keeps growing as T shrinks: the search ends near its floor
    // of 0.02, where the loss is too flat to tell temperatures apart in double precision.
    assertThat(temperature).isBetween(0.019, 0.05);
  }

  @Test
  void skipsExamplesWhoseGoldLabelTheModelLacks() {
    float[][] withUnknown = new float[12][];
    int[] gold = new int[12];
    float[][] known = overConfidentLogits();
    for (int i = 0; i < 10; i++) {
      withUnknown[i] = known[i];
      gold[i] = SEVEN_OF_TEN[i];
    }
    withUnknown[10] = new float[] {0f, 30f};
    withUnknown[11] = new float[] {30f, 0f};
    gold[10] = -1;
    gold[11] = -1;

    assertThat(TemperatureScaling.fit(withUnknown, gold))
        .isEqualTo(TemperatureScaling.fit(known, SEVEN_OF_TEN));
  }

  @Test
  void probabilitiesAreASoftmaxOfLogitsOverTheTemperature() {
    float[] p = TemperatureScaling.probabilities(new float[] {2f, 0f, 0f}, 2.0);

    double e = Math.E;
    assertThat(p)
        .containsExactly(
            new float[] {(float) (e / (e + 2)), (float) (1 / (e + 2)), (float) (1 / (e + 2))},
            within(1e-6f));
  }

  @Property
  void neverChangesTheArgmax(
      @ForAll @Size(min = 2, max = 12) @UniqueElements
          List<@IntRange(min = -40, max = 40) Integer> logits,
      @ForAll @DoubleRange(min = 0.02, max = 50) double temperature) {
    float[] z = new float[logits.size()];
    int best = 0;
    for (int i = 0; i < z.length; i++) {
      z[i] = logits.get(i);
      if (z[i] > z[best]) {
        best = i;
      }
    }

    float[] p = TemperatureScaling.probabilities(z, temperature);

    for (int i = 0; i < p.length; i++) {
      if (i != best) {
        assertThat(p[best]).isGreaterThan(p[i]);
      }
    }
  }
}
