package dev.scalpel.flywheel.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The promotion rule, as a pure function of measurements: on every set, the challenger's answered
 * accuracy must hold, and its coverage must not fall (beyond the coverage tolerance). Both models
 * are measured at the same precision target, so this asks "does the challenger answer at least as
 * much, as correctly?".
 *
 * <p>"Holds" means at least the lower of the champion's answered accuracy and the precision target,
 * less the tolerance: the target is what the operator asked for, and a champion that happened to
 * beat it on a small set (100% of 180 answers, say) must not block every successor that meets it.
 */
public final class Gate {
  // Ties must pass: two equal fractions computed differently can differ in the last bit.
  private static final double EPSILON = 1e-9;

  private Gate() {}

  public static GateReport decide(
      GatePolicy policy, String champion, double targetPrecision, List<GateSet> sets) {
    List<GateCheck> checks = new ArrayList<>();
    for (GateSet set : sets) {
      if (set.champion().examples() == 0) {
        continue;
      }
      Double championAccuracy = set.champion().answeredAccuracy();
      checks.add(
          check(
              set,
              "answered_accuracy",
              championAccuracy,
              set.challenger().answeredAccuracy(),
              championAccuracy == null
                  ? 0
                  : Math.min(championAccuracy, targetPrecision)
                      - policy.answeredAccuracyTolerance(),
              String.format(Locale.ROOT, ", target %s", pct(targetPrecision)),
              "holds",
              "falls"));
      if (set.champion().coverage() != null) {
        checks.add(
            check(
                set,
                "coverage",
                set.champion().coverage(),
                set.challenger().coverage(),
                set.champion().coverage() - policy.coverageTolerance(),
                "",
                "does not fall",
                "falls"));
      }
    }
    if (checks.isEmpty()) {
      checks.add(
          new GateCheck(
              "none",
              "examples",
              null,
              null,
              null,
              false,
              "nothing to judge on: no evaluation examples were given"));
    }
    boolean passed = checks.stream().allMatch(GateCheck::passed);
    return new GateReport(passed, champion, targetPrecision, policy, sets, checks);
  }

  private static GateCheck check(
      GateSet set,
      String metric,
      Double champion,
      Double challenger,
      double required,
      String context,
      String holds,
      String falls) {
    String where =
        String.format(Locale.ROOT, "%s (%d examples)", set.name(), set.champion().examples());
    String label = metric.replace('_', ' ');
    if (champion == null) {
      return new GateCheck(
          set.name(),
          metric,
          null,
          challenger,
          null,
          true,
          String.format(
              Locale.ROOT,
              "%s: %s %s, the champion answers none of them: nothing to hold",
              where,
              label,
              pct(challenger)));
    }
    double minimum = Math.max(0, required);
    boolean passed = challenger != null && challenger >= minimum - EPSILON;
    return new GateCheck(
        set.name(),
        metric,
        champion,
        challenger,
        minimum,
        passed,
        String.format(
            Locale.ROOT,
            "%s: %s %s vs champion %s%s (at least %s needed): %s",
            where,
            label,
            challenger == null ? "undefined (answers nothing)" : pct(challenger),
            pct(champion),
            context,
            pct(minimum),
            passed ? holds : falls));
  }

  private static String pct(Double fraction) {
    return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }
}
