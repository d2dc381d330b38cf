package dev.scalpel.flywheel.retrain;

/**
 * Where the time from new labels to a decision went, in seconds: training the challenger, measuring
 * both models and applying the gate, and registering plus promoting (which loads the model once as
 * a gateway would).
 */
public record RetrainTimings(double trainSeconds, double gateSeconds, double promoteSeconds) {
  public double totalSeconds() {
    return trainSeconds + gateSeconds + promoteSeconds;
  }
}
