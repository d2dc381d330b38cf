package dev.scalpel.learn.head;

/** Optimization settings of the linear head. */
public record TrainerParams(int epochs, double learningRate, double l2, long seed) {
  public TrainerParams {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, found " + epochs);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be > 0, found " + learningRate);
    }
    if (!(l2 >= 0)) {
      throw new IllegalArgumentException("l2 must be >= 0, found " + l2);
    }
  }

  public static TrainerParams defaults(long seed) {
    return new TrainerParams(15, 0.5, 1e-5, seed);
  }
}
