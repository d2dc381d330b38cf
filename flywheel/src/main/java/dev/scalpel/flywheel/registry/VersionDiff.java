package dev.scalpel.flywheel.registry;

import dev.scalpel.flywheel.gate.MetricsSummary;
import dev.scalpel.learn.TrainOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What changed from one version to another: the dataset version and size, the labels that came or
 * went, the examples per label, the settings, and the held-out metrics.
 */
public record VersionDiff(
    String from,
    String to,
    String datasetFrom,
    String datasetTo,
    int examplesFrom,
    int examplesTo,
    List<String> labelsAdded,
    List<String> labelsRemoved,
    Map<String, List<Integer>> labelCountChanges,
    List<String> settingsChanged,
    List<MetricChange> metrics) {
  /** One held-out metric of both versions ({@code null} when undefined or unknown). */
  public record MetricChange(String metric, Double from, Double to) {}

  public VersionDiff {
    labelsAdded = List.copyOf(labelsAdded);
    labelsRemoved = List.copyOf(labelsRemoved);
    labelCountChanges = java.util.Collections.unmodifiableMap(new TreeMap<>(labelCountChanges));
    settingsChanged = List.copyOf(settingsChanged);
    metrics = List.copyOf(metrics);
  }

  public static VersionDiff between(ModelVersion a, ModelVersion b) {
    Map<String, Integer> countsA = a.provenance().labelCounts();
    Map<String, Integer> countsB = b.provenance().labelCounts();
    Set<String> labels = new HashSet<>(countsA.keySet());
    labels.addAll(countsB.keySet());
    Map<String, List<Integer>> changes = new TreeMap<>();
    for (String label : labels) {
      int before = countsA.getOrDefault(label, 0);
      int after = countsB.getOrDefault(label, 0);
      if (before != after) {
        changes.put(label, List.of(before, after));
      }
    }
    return new VersionDiff(
        a.version(),
        b.version(),
        a.datasetVersion(),
        b.datasetVersion(),
        a.provenance().trainExamples(),
        b.provenance().trainExamples(),
        countsB.keySet().stream().filter(l -> !countsA.containsKey(l)).sorted().toList(),
        countsA.keySet().stream().filter(l -> !countsB.containsKey(l)).sorted().toList(),
        changes,
        settings(a.settings(), b.settings()),
        List.of(
            metric("coverage", a, b, MetricsSummary::coverage),
            metric("in_scope_answered_accuracy", a, b, MetricsSummary::inScopeAnsweredAccuracy),
            metric("answered_accuracy", a, b, MetricsSummary::answeredAccuracy),
            metric("in_scope_accuracy", a, b, MetricsSummary::inScopeAccuracy),
            metric("oos_recall", a, b, MetricsSummary::oosRecall)));
  }

  private static List<String> settings(TrainOptions a, TrainOptions b) {
    List<String> changed = new ArrayList<>();
    compare(changed, "features", a.features(), b.features());
    compare(changed, "trainer", a.trainer(), b.trainer());
    compare(changed, "target_precision", a.targetPrecision(), b.targetPrecision());
    compare(changed, "max_accuracy_drop", a.maxAccuracyDrop(), b.maxAccuracyDrop());
    compare(changed, "folds", a.folds(), b.folds());
    return changed;
  }

  private static void compare(List<String> changed, String name, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      changed.add(name + ": " + a + " -> " + b);
    }
  }

  private static MetricChange metric(
      String name, ModelVersion a, ModelVersion b, Function<MetricsSummary, Double> value) {
    return new MetricChange(
        name,
        a.metrics() == null ? null : value.apply(a.metrics()),
        b.metrics() == null ? null : value.apply(b.metrics()));
  }
}
