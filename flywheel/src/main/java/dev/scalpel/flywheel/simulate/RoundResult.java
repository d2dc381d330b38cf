package dev.scalpel.flywheel.simulate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One round of the simulation as the JSON reports it: the champion after the round (its registry
 * version string), whether this round promoted it, the teacher labels used so far, and the
 * champion's test metrics. Round 0 is the starting model, promoted as the first champion.
 */
public record RoundResult(
    int round,
    String modelVersion,
    boolean promoted,
    int labelsUsed,
    @JsonUnwrapped TestMetrics metrics) {}
