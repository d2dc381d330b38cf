package dev.scalpel.learn.head;

/**
 * Optimization settings of the linear head. With {@code balanceClasses}, each example's loss is
 * weighted by {@code n / (classes * count(its label))}, so that a label with few examples pulls as
 * hard as one with many: what a specialist needs when new intents arrive with a handful of labels
 * next to old ones with hundreds.
 */
public record TrainerParams(
    int epochs, double learningRate, double l2, long seed, boolean balanceClasses) {
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

  /** Settings without class balancing. */
  public TrainerParams(int epochs, double learningRate, double l2, long seed) {
    this(epochs, learningRate, l2, seed, false);
  }

  public static TrainerParams defaults(long seed) {
    return new TrainerParams(15, 0.5, 1e-5, seed);
  }

  public TrainerParams withSeed(long newSeed) {
    return new TrainerParams(epochs, learningRate, l2, newSeed, balanceClasses);
  }

  public TrainerParams withBalanceClasses(boolean balance) {
    return new TrainerParams(epochs, learningRate, l2, seed, balance);
  }
}
