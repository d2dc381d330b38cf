package dev.scalpel.bench.flywheel;

import dev.scalpel.flywheel.simulate.RoundResult;
import dev.scalpel.flywheel.simulate.RoundTiming;
import dev.scalpel.flywheel.simulate.SimulationReport;
import java.util.List;

/**
 * Issue 6's targets for the CLINC150 simulation, checked against a run: in-scope answered accuracy
 * of at least 98.5% in every round that promoted a model, coverage after the last round within 5
 * points of the model trained on all the data, and at most 60 s from a batch of labels to a
 * decision in every round that trained.
 */
record SimulationTargets(
    double minAnsweredAccuracy,
    List<Integer> roundsBelowAccuracy,
    double finalCoverage,
    double referenceCoverage,
    boolean coverageMet,
    double maxSecondsToPromotion,
    double slowestRoundSeconds,
    boolean timeMet) {
  static final double MIN_IN_SCOPE_ANSWERED_ACCURACY = 0.985;
  static final double MAX_COVERAGE_GAP = 0.05;
  static final double MAX_SECONDS = 60;

  static SimulationTargets check(SimulationReport report) {
    List<Integer> below =
        report.rounds().stream()
            .filter(RoundResult::promoted)
            .filter(r ->
                r.metrics().inScopeAnsweredAccuracy() == null
                    || r.metrics().inScopeAnsweredAccuracy() < MIN_IN_SCOPE_ANSWERED_ACCURACY)
            .map(RoundResult::round)
            .toList();
    double last = orZero(report.rounds().getLast().metrics().coverage());
    double reference = orZero(report.reference().coverage());
    double slowest =
        report.timings().stream()
            .filter(t -> t.challenger() != null)
            .mapToDouble(RoundTiming::totalSeconds)
            .max()
            .orElse(0);
    return new SimulationTargets(
        MIN_IN_SCOPE_ANSWERED_ACCURACY,
        below,
        last,
        reference,
        last >= reference - MAX_COVERAGE_GAP,
        MAX_SECONDS,
        slowest,
        slowest <= MAX_SECONDS);
  }

  boolean accuracyMet() {
    return roundsBelowAccuracy.isEmpty();
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }
}
