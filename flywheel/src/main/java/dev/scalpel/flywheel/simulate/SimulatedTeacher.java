package dev.scalpel.flywheel.simulate;

import dev.scalpel.core.data.Example;
import java.util.List;
import java.util.Random;

/**
 * Stands in for the teacher LLM (and the reviewer): returns the gold label, except with probability
 * {@code noise} a different label drawn uniformly from the label set, as a confident but wrong
 * teacher would.
 */
final class SimulatedTeacher {
  private final List<String> labels;
  private final double noise;
  private final Random random;

  SimulatedTeacher(List<String> labels, double noise, long seed) {
    if (labels.size() < 2 && noise > 0) {
      throw new IllegalArgumentException("a noisy teacher needs at least two labels to mix up");
    }
    this.labels = List.copyOf(labels);
    this.noise = noise;
    this.random = new Random(seed);
  }

  Example label(Example request) {
    if (random.nextDouble() >= noise) {
      return Example.of(request.text(), request.label());
    }
    String wrong;
    do {
      wrong = labels.get(random.nextInt(labels.size()));
    } while (wrong.equals(request.label()));
    return Example.of(request.text(), wrong);
  }
}
