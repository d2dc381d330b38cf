package dev.scalpel.flywheel.simulate;

import java.util.List;

/**
 * What a round did besides its metrics: the traffic routed and escalated, the challenger trained on
 * the new labels and the gate's verdict on it (with the reasons when it failed), and the seconds
 * from the new batch of labels to the decision (training, gate, registering plus promotion), with
 * the CPU seconds the process spent meanwhile (on a shared machine, wall time says how busy it was,
 * CPU time what the work cost). A round whose traffic had no escalations trains nothing and has no
 * challenger.
 */
public record RoundTiming(
    int round,
    int routed,
    int escalated,
    String challenger,
    Boolean gatePassed,
    List<String> gateReasons,
    double trainSeconds,
    double gateSeconds,
    double promoteSeconds,
    double totalSeconds,
    double cpuSeconds) {
  public RoundTiming {
    gateReasons = List.copyOf(gateReasons);
  }
}
