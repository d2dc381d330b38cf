package dev.scalpel.bench.flywheel;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.flywheel.dataset.DatasetStore;
import dev.scalpel.flywheel.dataset.DatasetVersion;
import dev.scalpel.flywheel.simulate.TestMetrics;
import dev.scalpel.learn.SpecialistTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last round's model would have been with a perfect teacher: the simulation's final
 * dataset version with every teacher label replaced by the gold one, trained with the same settings
 * and measured on the same test split. The difference to the last round is what the teacher's
 * mistakes cost; the difference to the all-data model is what the labels never asked for cost.
 */
record NoiseFreeCounterfactual(int wrongTeacherLabels, int examples, TestMetrics metrics) {
  static NoiseFreeCounterfactual measure(
      Path datasetsRoot,
      String name,
      Dataset train,
      Dataset validation,
      Dataset test,
      SpecialistTrainer trainer) {
    Map<String, String> gold = new HashMap<>();
    for (Example e : train.examples()) {
      gold.put(e.text(), e.label());
    }
    DatasetStore datasets = DatasetStore.open(datasetsRoot, name);
    DatasetVersion newest = datasets.latest().orElseThrow();
    List<Example> corrected = new ArrayList<>();
    int wrong = 0;
    for (Example e : datasets.read(newest.version()).examples()) {
      String label = gold.getOrDefault(e.text(), e.label());
      wrong += label.equals(e.label()) ? 0 : 1;
      corrected.add(Example.of(e.text(), label));
    }
    Dataset relabeled = train.withExamples("final dataset, gold labels", corrected);
    return new NoiseFreeCounterfactual(
        wrong,
        corrected.size(),
        TestMetrics.measure(
            trainer.train(relabeled, validation, Progress.NONE).specialist(), test, Progress.NONE));
  }
}
