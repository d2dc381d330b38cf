package dev.scalpel.learn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Assigns examples to k folds so that every label is spread evenly over the folds (seeded shuffle,
 * round robin).
 */
final class StratifiedFolds {
  private StratifiedFolds() {}

  static int[] assign(int[] labels, int classes, int folds, long seed) {
    List<List<Integer>> byLabel = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byLabel.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byLabel.get(labels[i]).add(i);
    }
    Random random = new Random(seed);
    int[] fold = new int[labels.length];
    int next = 0;
    for (List<Integer> members : byLabel) {
      Collections.shuffle(members, random);
      for (int index : members) {
        fold[index] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }
}
