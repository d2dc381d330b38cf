package dev.scalpel.bench.pii;

import dev.scalpel.guard.pii.PiiEntity;
import dev.scalpel.guard.pii.PiiType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision and recall per type over a labeled corpus. A detection counts only when its type, start
 * and end all equal a true entity's: a span one character off is a false positive and a false
 * negative at once.
 */
final class PiiScores {
  private static final int EXAMPLES = 5;

  /** Counts for one type. */
  static final class Counts {
    int truth;
    int truePositives;
    int falsePositives;
    int falseNegatives;
    final List<String> missed = new ArrayList<>();
    final List<String> wronglyFound = new ArrayList<>();

    double precision() {
      int found = truePositives + falsePositives;
      return found == 0 ? 1.0 : (double) truePositives / found;
    }

    double recall() {
      return truth == 0 ? 1.0 : (double) truePositives / truth;
    }
  }

  private final Map<PiiType, Counts> byType = new EnumMap<>(PiiType.class);
  private final Map<String, int[]> nearMisses = new TreeMap<>();
  private int texts;

  PiiScores() {
    for (PiiType type : PiiType.values()) {
      byType.put(type, new Counts());
    }
  }

  void add(LabeledText labeled, List<PiiEntity> found) {
    texts++;
    Set<PiiEntity> truth = new HashSet<>(labeled.truth());
    Set<PiiEntity> detected = new HashSet<>(found);
    for (PiiEntity entity : labeled.truth()) {
      Counts counts = byType.get(entity.type());
      counts.truth++;
      if (detected.contains(entity)) {
        counts.truePositives++;
      } else {
        counts.falseNegatives++;
        example(counts.missed, labeled.text(), entity);
      }
    }
    for (PiiEntity entity : found) {
      if (!truth.contains(entity)) {
        Counts counts = byType.get(entity.type());
        counts.falsePositives++;
        example(counts.wronglyFound, labeled.text(), entity);
      }
    }
    if (labeled.kind().startsWith("near_miss:")) {
      int[] tally = nearMisses.computeIfAbsent(labeled.kind().substring(10), k -> new int[2]);
      tally[0]++;
      tally[1] += found.size();
    }
  }

  int texts() {
    return texts;
  }

  Counts counts(PiiType type) {
    return byType.get(type);
  }

  /** Per near-miss category: {sentences, detections (all false)}. */
  Map<String, int[]> nearMisses() {
    return nearMisses;
  }

  Map<String, Object> toMap() {
    Map<String, Object> types = new LinkedHashMap<>();
    for (PiiType type : PiiType.values()) {
      Counts c = byType.get(type);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("truth", c.truth);
      row.put("true_positives", c.truePositives);
      row.put("false_positives", c.falsePositives);
      row.put("false_negatives", c.falseNegatives);
      row.put("precision", round(c.precision()));
      row.put("recall", round(c.recall()));
      row.put("missed_examples", c.missed);
      row.put("false_positive_examples", c.wronglyFound);
      types.put(type.wireName(), row);
    }
    Map<String, Object> near = new LinkedHashMap<>();
    nearMisses.forEach((category, tally) ->
        near.put(category, Map.of("sentences", tally[0], "detections", tally[1])));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("per_type", types);
    map.put("near_misses", near);
    return map;
  }

  private static void example(List<String> examples, String text, PiiEntity entity) {
    if (examples.size() < EXAMPLES) {
      examples.add(text.substring(entity.start(), entity.end()) + "  <-  " + text);
    }
  }

  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
