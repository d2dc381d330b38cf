package dev.scalpel.learn;

import dev.scalpel.learn.head.TrainerParams;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a model came from: the training data (source, SHA-256 of its examples, counts per label),
 * the held-out data its thresholds were chosen on, the parameters and seed, the time and the
 * Scalpel version.
 */
public record Provenance(
    String trainSource,
    String dataSha256,
    int trainExamples,
    Map<String, Integer> labelCounts,
    String heldOut,
    int heldOutExamples,
    TrainerParams trainer,
    long seed,
    String createdAt,
    String scalpelVersion,
    double trainSeconds) {
  public Provenance {
    labelCounts = Collections.unmodifiableMap(new TreeMap<>(labelCounts));
  }
}
