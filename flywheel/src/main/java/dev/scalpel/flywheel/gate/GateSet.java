package dev.scalpel.flywheel.gate;

/**
 * Champion and challenger measured on the same examples at the same precision target: the frozen
 * evaluation set, or recently labeled traffic.
 */
public record GateSet(String name, MetricsSummary champion, MetricsSummary challenger) {
  public GateSet {
    if (name == null || name.isBlank() || champion == null || challenger == null) {
      throw new IllegalArgumentException("a gate set needs a name and both models' metrics");
    }
    if (champion.examples() != challenger.examples()) {
      throw new IllegalArgumentException(
          "champion and challenger must be measured on the same examples, found "
              + champion.examples()
              + " and "
              + challenger.examples());
    }
  }
}
