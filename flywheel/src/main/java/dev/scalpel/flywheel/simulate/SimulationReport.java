package dev.scalpel.flywheel.simulate;

import java.util.List;

/**
 * The simulated learning loop's outcome: the rounds ({@code rounds} is the curve; round 0 is the
 * starting model), what each round cost in time, and the reference model trained on all the
 * training data, measured the same way.
 */
public record SimulationReport(
    List<RoundResult> rounds,
    List<RoundTiming> timings,
    TestMetrics reference,
    List<String> knownIntents,
    int unknownIntents,
    int startingExamples,
    int trafficExamples,
    SimulationOptions options) {
  public SimulationReport {
    rounds = List.copyOf(rounds);
    timings = List.copyOf(timings);
    knownIntents = List.copyOf(knownIntents);
  }
}
