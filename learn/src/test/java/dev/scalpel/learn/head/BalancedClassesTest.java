package dev.scalpel.learn.head;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.core.progress.Progress;
import dev.scalpel.learn.features.SparseVector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalancedClassesTest {
  /**
   * Class 0 has 60 examples, class 1 has 6; every example carries a shared feature 2, and each
   * class its own feature (0 or 1) half as strongly, so the priors matter.
   */
  private static final List<SparseVector> XS = new ArrayList<>();

  private static final int[] Y = new int[66];

  static {
    for (int i = 0; i < 66; i++) {
      int c = i < 60 ? 0 : 1;
      XS.add(new SparseVector(new int[] {c, 2}, new float[] {0.5f, 1f}));
      Y[i] = c;
    }
  }

  private static float minorityProbability(TrainerParams params) {
    LinearHead head = new SoftmaxTrainer(params).train(XS, Y, 3, 2, Progress.NONE);
    float[] p = head.logits(new SparseVector(new int[] {1, 2}, new float[] {0.5f, 1f}));
    SoftmaxTrainer.softmaxInPlace(p);
    return p[1];
  }

  @Test
  void balancingRaisesTheConfidenceOfARareClass() {
    TrainerParams plain = new TrainerParams(5, 0.5, 1e-5, 3);

    float unbalanced = minorityProbability(plain);
    float balanced = minorityProbability(plain.withBalanceClasses(true));

    assertThat(balanced).isGreaterThan(unbalanced + 0.05f);
    assertThat(balanced).isGreaterThan(0.5f);
  }

  @Test
  void balancedDataTrainsTheSameEitherWay() {
    List<SparseVector> xs = XS.subList(54, 66);
    int[] y = java.util.Arrays.copyOfRange(Y, 54, 66);
    TrainerParams plain = new TrainerParams(5, 0.5, 1e-5, 3);

    LinearHead a = new SoftmaxTrainer(plain).train(xs, y, 3, 2, Progress.NONE);
    LinearHead b =
        new SoftmaxTrainer(plain.withBalanceClasses(true)).train(xs, y, 3, 2, Progress.NONE);

    assertThat(b.weights()).isEqualTo(a.weights());
    assertThat(b.bias()).isEqualTo(a.bias());
  }

  @Test
  void theFourArgumentFormDoesNotBalance() {
    assertThat(new TrainerParams(15, 0.5, 1e-5, 42).balanceClasses()).isFalse();
    assertThat(TrainerParams.defaults(1).withSeed(9))
        .isEqualTo(new TrainerParams(15, 0.5, 1e-5, 9));
  }
}
