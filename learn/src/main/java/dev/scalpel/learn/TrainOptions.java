package dev.scalpel.learn;

import dev.scalpel.learn.features.FeatureConfig;
import dev.scalpel.learn.head.TrainerParams;

/**
 * How to train a specialist: features, head optimization, the precision target for the abstain
 * threshold, the in-scope accuracy the out-of-scope threshold may cost, and the folds of
 * cross-validation used when no held-out file is given.
 */
public record TrainOptions(
    FeatureConfig features,
    TrainerParams trainer,
    double targetPrecision,
    double maxAccuracyDrop,
    int folds) {
  public static final double DEFAULT_TARGET_PRECISION = 0.99;
  public static final double DEFAULT_MAX_ACCURACY_DROP = 0.01;

  public TrainOptions {
    if (!(targetPrecision > 0 && targetPrecision <= 1)) {
      throw new IllegalArgumentException(
          "target precision must be in (0, 1], found " + targetPrecision);
    }
    if (!(maxAccuracyDrop >= 0 && maxAccuracyDrop < 1)) {
      throw new IllegalArgumentException(
          "max accuracy drop must be in [0, 1), found " + maxAccuracyDrop);
    }
    if (folds < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, found " + folds);
    }
  }

  public static TrainOptions defaults(long seed) {
    return new TrainOptions(
        FeatureConfig.defaults(),
        TrainerParams.defaults(seed),
        DEFAULT_TARGET_PRECISION,
        DEFAULT_MAX_ACCURACY_DROP,
        5);
  }

  public TrainOptions withFeatures(FeatureConfig config) {
    return new TrainOptions(config, trainer, targetPrecision, maxAccuracyDrop, folds);
  }

  public TrainOptions withTargetPrecision(double target) {
    return new TrainOptions(features, trainer, target, maxAccuracyDrop, folds);
  }

  public TrainOptions withMaxAccuracyDrop(double drop) {
    return new TrainOptions(features, trainer, targetPrecision, drop, folds);
  }

  public TrainOptions withTrainer(TrainerParams params) {
    return new TrainOptions(features, params, targetPrecision, maxAccuracyDrop, folds);
  }
}
