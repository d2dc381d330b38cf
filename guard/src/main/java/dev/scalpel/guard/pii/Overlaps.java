package dev.scalpel.guard.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps one match wherever matches overlap: the longest, then the most specific type (a card number
 * that also parses as a phone number is a card), then the earliest. The outcome does not depend on
 * the order the detectors ran in.
 */
final class Overlaps {
  private static final Comparator<PiiEntity> PREFERENCE =
      Comparator.comparingInt(PiiEntity::length)
          .reversed()
          .thenComparing(
              Comparator.comparingInt((PiiEntity e) -> e.type().specificity()).reversed())
          .thenComparingInt(PiiEntity::start);

  private Overlaps() {}

  static List<PiiEntity> resolve(List<PiiEntity> matches) {
    if (matches.size() <= 1) {
      return List.copyOf(matches);
    }
    List<PiiEntity> ranked = new ArrayList<>(matches);
    ranked.sort(PREFERENCE);
    List<PiiEntity> kept = new ArrayList<>();
    for (PiiEntity candidate : ranked) {
      if (kept.stream().noneMatch(candidate::overlaps)) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingInt(PiiEntity::start));
    return List.copyOf(kept);
  }
}
