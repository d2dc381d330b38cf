package dev.scalpel.learn.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scalpel.core.progress.Progress;
import dev.scalpel.learn.features.SparseVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxTrainerTest {
  /**
   * Three classes in the plane, each a cloud around its own corner of a triangle, with a margin of
   * at least 0.5 between clouds; feature 2 is a constant 1 that every example shares.
   */
  private static final class Triangle {
    final List<SparseVector> xs = new ArrayList<>();
    final List<Integer> ys = new ArrayList<>();

    Triangle(int perClass, long seed) {
      double[][] centers = {{2, 0}, {-1, 1.7}, {-1, -1.7}};
      Random random = new Random(seed);
      for (int i = 0; i < perClass; i++) {
        for (int c = 0; c < 3; c++) {
          float x = (float) (centers[c][0] + (random.nextDouble() - 0.5));
          float y = (float) (centers[c][1] + (random.nextDouble() - 0.5));
          xs.add(new SparseVector(new int[] {0, 1, 2}, new float[] {x, y, 1f}));
          ys.add(c);
        }
      }
    }

    int[] labels() {
      return ys.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void learnsASeparableProblemExactly() {
    Triangle train = new Triangle(20, 1);
    Triangle unseen = new Triangle(50, 2);

    LinearHead head =
        new SoftmaxTrainer(TrainerParams.defaults(42))
            .train(train.xs, train.labels(), 3, 3, Progress.NONE);

    assertThat(head.dimension()).isEqualTo(3);
    assertThat(head.classes()).isEqualTo(3);
    for (int i = 0; i < train.xs.size(); i++) {
      assertThat(argmax(head.logits(train.xs.get(i)))).isEqualTo(train.ys.get(i));
    }
    for (int i = 0; i < unseen.xs.size(); i++) {
      assertThat(argmax(head.logits(unseen.xs.get(i)))).isEqualTo(unseen.ys.get(i));
    }
  }

  @Test
  void learnsSparseBagsOfFeatures() {
    // Features 0-2 each mark one class; feature 3 appears everywhere and says nothing.
    List<SparseVector> xs = new ArrayList<>();
    int[] y = new int[12];
    for (int i = 0; i < 12; i++) {
      int c = i % 3;
      xs.add(new SparseVector(new int[] {c, 3}, new float[] {1f, 1f}));
      y[i] = c;
    }

    LinearHead head =
        new SoftmaxTrainer(new TrainerParams(30, 0.5, 1e-5, 7)).train(xs, y, 4, 3, Progress.NONE);

    for (int c = 0; c < 3; c++) {
      float[] p = head.logits(new SparseVector(new int[] {c, 3}, new float[] {1f, 1f}));
      SoftmaxTrainer.softmaxInPlace(p);
      assertThat(argmax(p)).isEqualTo(c);
      assertThat(p[c]).isGreaterThan(0.9f);
      assertThat(head.weight(c, c)).isGreaterThan(0f);
    }
  }

  @Test
  void sameSeedGivesIdenticalWeightsAndAnotherSeedDiffers() {
    Triangle data = new Triangle(20, 3);
    SoftmaxTrainer trainer = new SoftmaxTrainer(TrainerParams.defaults(42));

    LinearHead first = trainer.train(data.xs, data.labels(), 3, 3, Progress.NONE);
    LinearHead second =
        new SoftmaxTrainer(TrainerParams.defaults(42))
            .train(data.xs, data.labels(), 3, 3, Progress.NONE);
    LinearHead otherSeed =
        new SoftmaxTrainer(TrainerParams.defaults(43))
            .train(data.xs, data.labels(), 3, 3, Progress.NONE);

    assertThat(second.weights()).isEqualTo(first.weights());
    assertThat(second.bias()).isEqualTo(first.bias());
    assertThat(otherSeed.weights()).isNotEqualTo(first.weights());
  }

  @Test
  void reportsOneProgressStepOfEpochsTimesExamples() {
    Triangle data = new Triangle(4, 5);
    List<String> events = new ArrayList<>();
    Progress recording =
        new Progress() {
          @Override
          public void start(String task, long total) {
            events.add("start " + task + " " + total);
          }

          @Override
          public void advance(long done) {
            events.add("advance " + done);
          }

          @Override
          public void finish() {
            events.add("finish");
          }
        };

    new SoftmaxTrainer(new TrainerParams(2, 0.5, 0, 1))
        .train(data.xs, data.labels(), 3, 3, recording);

    assertThat(events).containsExactly("start training 24", "advance 12", "advance 12", "finish");
  }

  @Test
  void rejectsFeaturesAndLabelsOfDifferentCounts() {
    Triangle data = new Triangle(2, 1);

    assertThatThrownBy(() ->
            new SoftmaxTrainer(TrainerParams.defaults(1))
                .train(data.xs, new int[] {0}, 3, 3, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("features and labels differ in count");
  }

  @Test
  void softmaxIsStableForHugeLogits() {
    float[] z = {1000f, 1000f, -1000f};

    SoftmaxTrainer.softmaxInPlace(z);

    assertThat(z).containsExactly(new float[] {0.5f, 0.5f, 0f}, within(1e-7f));
  }

  @Test
  void trainerParamsAreValidated() {
    assertThatThrownBy(() -> new TrainerParams(0, 0.5, 0, 1))
        .hasMessage("epochs must be >= 1, found 0");
    assertThatThrownBy(() -> new TrainerParams(1, 0, 0, 1))
        .hasMessage("learning rate must be > 0, found 0.0");
    assertThatThrownBy(() -> new TrainerParams(1, 0.5, Double.NaN, 1))
        .hasMessage("l2 must be >= 0, found NaN");
  }
}
