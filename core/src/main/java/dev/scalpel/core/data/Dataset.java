package dev.scalpel.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Labeled examples read from one source, with the out-of-scope label that marks examples belonging
 * to no intent and the warnings raised while reading (problems that training can go on with).
 */
public record Dataset(
    String source, List<Example> examples, String oosLabel, List<String> warnings) {
  public Dataset {
    if (source == null || oosLabel == null) {
      throw new IllegalArgumentException("source and oosLabel must not be null");
    }
    examples = List.copyOf(examples);
    warnings = List.copyOf(warnings);
  }

  public static Dataset of(String source, List<Example> examples, String oosLabel) {
    return new Dataset(source, examples, oosLabel, List.of());
  }

  public int size() {
    return examples.size();
  }

  public boolean isOos(Example example) {
    return example.label().equals(oosLabel);
  }

  /** Number of examples per label, labels sorted. */
  public Map<String, Integer> labelCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Example e : examples) {
      counts.merge(e.label(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /** The in-scope labels (every label but the out-of-scope one), sorted. */
  public List<String> intentLabels() {
    List<String> labels = new ArrayList<>(labelCounts().keySet());
    labels.remove(oosLabel);
    return List.copyOf(labels);
  }

  public long oosCount() {
    return examples.stream().filter(this::isOos).count();
  }

  public List<String> texts() {
    return examples.stream().map(Example::text).toList();
  }

  /** A dataset holding these examples from this one, same source and labels conventions. */
  public Dataset withExamples(String newSource, List<Example> subset) {
    return new Dataset(newSource, subset, oosLabel, List.of());
  }
}
