package dev.scalpel.flywheel.simulate;

import dev.scalpel.flywheel.gate.GatePolicy;
import dev.scalpel.learn.TrainOptions;

/**
 * How to run the simulated learning loop: the share of intents the starting model knows, how many
 * rounds of how many traffic examples, how often the simulated teacher gives a wrong label, the
 * seed of every random choice, how each model is trained, and the gate's tolerances.
 */
public record SimulationOptions(
    double knownFraction,
    int rounds,
    int perRound,
    double teacherNoise,
    long seed,
    TrainOptions train,
    GatePolicy gate) {
  public SimulationOptions {
    if (!(knownFraction > 0 && knownFraction <= 1)) {
      throw new IllegalArgumentException(
          "known fraction must be in (0, 1], found " + knownFraction);
    }
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must be >= 0, found " + rounds);
    }
    if (perRound < 1) {
      throw new IllegalArgumentException("examples per round must be >= 1, found " + perRound);
    }
    if (!(teacherNoise >= 0 && teacherNoise <= 1)) {
      throw new IllegalArgumentException("teacher noise must be in [0, 1], found " + teacherNoise);
    }
    if (train == null || gate == null) {
      throw new IllegalArgumentException("training options and gate policy are required");
    }
  }
}
