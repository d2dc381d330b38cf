package dev.scalpel.learn.select;

/**
 * One held-out example as threshold selection sees it: whether its gold label is in scope, whether
 * the top label is the trained out-of-scope class, whether the top label is the gold one, and the
 * calibrated confidence of the top label.
 */
public record HeldOutScore(
    boolean inScope, boolean topIsOos, boolean topCorrect, double confidence) {
  public HeldOutScore {
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], found " + confidence);
    }
  }
}
