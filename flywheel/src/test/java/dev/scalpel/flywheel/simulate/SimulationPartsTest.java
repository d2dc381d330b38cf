package dev.scalpel.flywheel.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import dev.scalpel.flywheel.SupportData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulationPartsTest {
  private static final Dataset TRAIN = SupportData.read("train.csv");

  @Test
  void theStartingModelKnowsAFractionOfTheIntentsAndTheRestIsTraffic() {
    KnownIntents split = KnownIntents.split(TRAIN, 0.5, 42);

    assertThat(split.known()).hasSize(10).isSorted();
    Set<String> startingLabels = new HashSet<>(split.starting().labelCounts().keySet());
    assertThat(startingLabels).containsAll(split.known()).contains("oos").hasSize(11);
    assertThat(split.starting().size()).isEqualTo(10 * 40 + 60);
    assertThat(split.traffic()).hasSize(10 * 40);
    assertThat(split.traffic())
        .noneMatch(e -> split.known().contains(e.label()) || e.label().equals("oos"));
    assertThat(KnownIntents.split(TRAIN, 0.5, 42)).isEqualTo(split);
    assertThat(KnownIntents.split(TRAIN, 0.5, 43).known()).isNotEqualTo(split.known());
  }

  @Test
  void aSmallFractionStillKnowsOneIntent() {
    KnownIntents split = KnownIntents.split(TRAIN, 0.001, 42);

    assertThat(split.known()).hasSize(1);
  }

  @Test
  void theTeacherIsWrongAsOftenAsTheNoiseSays() {
    List<String> labels = TRAIN.labelCounts().keySet().stream().toList();
    Example request = Example.of("where is my order", "track_order");
    SimulatedTeacher exact = new SimulatedTeacher(labels, 0, 1);
    SimulatedTeacher alwaysWrong = new SimulatedTeacher(labels, 1, 1);
    SimulatedTeacher noisy = new SimulatedTeacher(labels, 0.05, 1);

    int wrong = 0;
    for (int i = 0; i < 10_000; i++) {
      assertThat(exact.label(request).label()).isEqualTo("track_order");
      Example mislabeled = alwaysWrong.label(request);
      assertThat(mislabeled.label()).isNotEqualTo("track_order").isIn(labels);
      assertThat(mislabeled.text()).isEqualTo(request.text());
      wrong += noisy.label(request).label().equals("track_order") ? 0 : 1;
    }

    assertThat(wrong).isBetween(430, 570);
  }
}
