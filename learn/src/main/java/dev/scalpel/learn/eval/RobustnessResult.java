package dev.scalpel.learn.eval;

/** Accuracy on perturbed copies of the evaluation texts, and the change from the clean texts. */
public record RobustnessResult(
    String perturbation,
    Double inScopeAccuracy,
    Double answeredAccuracy,
    Double coverage,
    Double inScopeAccuracyDelta) {}
