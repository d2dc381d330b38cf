package dev.scalpel.flywheel.gate;

import java.util.List;

/**
 * Whether a challenger may replace {@code champion}, and why in numbers: every check on every set,
 * the precision target both were measured at, and the tolerances applied. Stored in the
 * challenger's version record and printed by {@code scalpel retrain}.
 */
public record GateReport(
    boolean passed,
    String champion,
    double targetPrecision,
    GatePolicy policy,
    List<GateSet> sets,
    List<GateCheck> checks) {
  public GateReport {
    sets = List.copyOf(sets);
    checks = List.copyOf(checks);
  }

  /** The reasons of the failed checks, or of all checks when the gate passed. */
  public List<String> reasons() {
    return checks.stream().filter(c -> passed || !c.passed()).map(GateCheck::reason).toList();
  }
}
