package dev.scalpel.cli;

import dev.scalpel.learn.ModelInfo;
import dev.scalpel.learn.eval.Confusion;
import dev.scalpel.learn.eval.EvalMetrics;
import dev.scalpel.learn.eval.RobustnessResult;
import dev.scalpel.learn.select.CurvePoint;
import dev.scalpel.learn.select.OperatingPoints;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Human-readable output of metrics, thresholds and provenance. */
final class MetricsPrinter {
  private MetricsPrinter() {}

  static void metrics(PrintWriter out, EvalMetrics m) {
    row(out, "examples", Integer.toString(m.examples()));
    row(out, "in_scope_accuracy", pct(m.inScopeAccuracy()));
    row(out, "oos_recall", pct(m.oosRecall()));
    row(out, "oos_precision", pct(m.oosPrecision()));
    row(out, "coverage", pct(m.coverage()));
    row(out, "in_scope_answered_accuracy", pct(m.inScopeAnsweredAccuracy()));
    row(out, "answered_accuracy", pct(m.answeredAccuracy()));
    row(out, "macro_f1", pct(m.macroF1()));
    row(out, "ece", m.ece() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", m.ece()));
    if (m.p50Ms() > 0) {
      row(out, "p50_ms / p99_ms", String.format(Locale.ROOT, "%.2f / %.2f", m.p50Ms(), m.p99Ms()));
    }
    if (!m.confusions().isEmpty()) {
      out.println("  most confused (gold -> predicted):");
      for (Confusion c : m.confusions().subList(0, Math.min(5, m.confusions().size()))) {
        out.printf(Locale.ROOT, "    %4d  %s -> %s%n", c.count(), c.gold(), c.predicted());
      }
    }
  }

  static void thresholds(PrintWriter out, OperatingPoints p) {
    row(
        out,
        "oos_threshold",
        String.format(Locale.ROOT, "%.4f  (%s)", p.oosThreshold(), p.oosRule()));
    row(
        out,
        "abstain_threshold",
        String.format(
            Locale.ROOT,
            "%.4f  (target precision %.3f: expected coverage %s at precision %s)",
            Math.min(1, p.abstainThreshold()),
            p.targetPrecision(),
            pct(p.expectedCoverage()),
            pct(p.expectedPrecision())));
  }

  static void curve(PrintWriter out, List<CurvePoint> curve) {
    out.println("  validation precision-coverage curve (threshold: coverage, precision):");
    int step = Math.max(1, curve.size() / 10);
    for (int i = 0; i < curve.size(); i += step) {
      CurvePoint p = curve.get(i);
      out.printf(
          Locale.ROOT, "    %.4f: %s, %s%n", p.threshold(), pct(p.coverage()), pct(p.precision()));
    }
  }

  static void robustness(PrintWriter out, List<RobustnessResult> results) {
    if (results.isEmpty()) {
      return;
    }
    out.println("robustness (in-scope accuracy under perturbation, change):");
    for (RobustnessResult r : results) {
      out.printf(
          Locale.ROOT,
          "  %-14s %s (%s)%n",
          r.perturbation(),
          pct(r.inScopeAccuracy()),
          r.inScopeAccuracyDelta() == null
              ? "n/a"
              : String.format(Locale.ROOT, "%+.1f points", 100 * r.inScopeAccuracyDelta()));
    }
  }

  static void provenance(PrintWriter out, ModelInfo info) {
    var p = info.provenance();
    row(
        out,
        "labels",
        info.intents().size()
            + " intents"
            + (info.oosClass() >= 0 ? " + trained '" + info.oosLabel() + "' class" : ""));
    row(out, "features", info.features().toString());
    row(
        out,
        "encoder",
        info.encoderIdentity()
            .map(e ->
                e.name()
                    + " ("
                    + e.dimension()
                    + " dims, "
                    + e.pooling()
                    + ", sha256 "
                    + e.sha256().substring(0, 12)
                    + "...)")
            .orElse("none (n-grams only)"));
    row(out, "temperature", String.format(Locale.ROOT, "%.4f", info.temperature()));
    row(
        out,
        "trained on",
        p.trainSource()
            + " ("
            + p.trainExamples()
            + " examples, sha256 "
            + p.dataSha256().substring(0, 12)
            + "...)");
    row(out, "held out", p.heldOut() + " (" + p.heldOutExamples() + " examples)");
    row(out, "trainer", p.trainer().toString());
    row(
        out,
        "created",
        p.createdAt() + " by Scalpel " + p.scalpelVersion() + " in " + p.trainSeconds() + " s");
  }

  static String pct(Double value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * value);
  }

  private static void row(PrintWriter out, String key, String value) {
    out.printf(Locale.ROOT, "  %-28s %s%n", key, value);
  }
}
