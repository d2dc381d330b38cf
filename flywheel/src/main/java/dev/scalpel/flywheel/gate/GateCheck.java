package dev.scalpel.flywheel.gate;

/**
 * One comparison of the gate: a {@code metric} ({@code answered_accuracy} or {@code coverage}) on
 * one {@code set}, the champion's and the challenger's value, the least the challenger needed, and
 * the verdict in words with the numbers.
 */
public record GateCheck(
    String set,
    String metric,
    Double champion,
    Double challenger,
    Double minimum,
    boolean passed,
    String reason) {}
