package dev.scalpel.cli;

import dev.scalpel.flywheel.gate.GateCheck;
import dev.scalpel.flywheel.gate.GateReport;
import dev.scalpel.flywheel.gate.MetricsSummary;
import dev.scalpel.flywheel.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Human-readable output of registry versions and gate reports. */
final class RegistryPrinter {
  private RegistryPrinter() {}

  static void versions(PrintWriter out, List<ModelVersion> versions, String champion) {
    out.printf(
        Locale.ROOT,
        "  %-14s %-20s %-8s %-14s %9s %9s  %s%n",
        "version",
        "created",
        "dataset",
        "parent",
        "coverage",
        "answered",
        "gate");
    for (ModelVersion v : versions) {
      MetricsSummary m = v.metrics();
      out.printf(
          Locale.ROOT,
          "%s %-14s %-20s %-8s %-14s %9s %9s  %s%n",
          v.version().equals(champion) ? "*" : " ",
          v.version(),
          v.createdAt().length() > 19 ? v.createdAt().substring(0, 19) : v.createdAt(),
          dash(v.datasetVersion()),
          dash(v.parent()),
          m == null ? "-" : pct(m.coverage()),
          m == null ? "-" : pct(m.answeredAccuracy()),
          v.gate() == null ? "-" : v.gate().passed() ? "passed" : "failed");
    }
    out.println("(* = champion; coverage and answered accuracy on the held-out data)");
  }

  static void version(PrintWriter out, ModelVersion v, boolean champion) {
    out.println(v.version() + (champion ? " (champion)" : "") + ":");
    row(out, "parent", dash(v.parent()));
    row(
        out,
        "dataset",
        v.datasetVersion() == null
            ? "-"
            : v.datasetVersion() + " (sha256 " + v.datasetSha256().substring(0, 16) + "...)");
    row(out, "created", v.createdAt());
    row(out, "model sha256", v.modelSha256());
    var p = v.provenance();
    row(
        out,
        "trained on",
        String.format(
            Locale.ROOT,
            "%s: %d examples, %d labels, seed %d, %.1f s",
            p.trainSource(),
            p.trainExamples(),
            p.labelCounts().size(),
            p.seed(),
            p.trainSeconds()));
    row(out, "held out", p.heldOut() + " (" + p.heldOutExamples() + " examples)");
    row(
        out,
        "settings",
        String.format(
            Locale.ROOT,
            "target precision %.3f, max accuracy drop %.3f, %s, epochs %d",
            v.settings().targetPrecision(),
            v.settings().maxAccuracyDrop(),
            v.settings().features().useEmbeddings() ? "n-grams + embeddings" : "n-grams only",
            v.settings().trainer().epochs()));
    if (v.metrics() != null) {
      metrics(out, v.metrics());
    }
    if (!v.note().isEmpty()) {
      row(out, "note", v.note());
    }
    if (v.gate() != null) {
      gate(out, v.gate());
    }
  }

  static void metrics(PrintWriter out, MetricsSummary m) {
    row(
        out,
        "held-out metrics",
        String.format(
            Locale.ROOT,
            "coverage %s, in-scope answered accuracy %s, answered accuracy %s, in-scope"
                + " accuracy %s, OOS recall %s (%d examples)",
            pct(m.coverage()),
            pct(m.inScopeAnsweredAccuracy()),
            pct(m.answeredAccuracy()),
            pct(m.inScopeAccuracy()),
            pct(m.oosRecall()),
            m.examples()));
  }

  static void gate(PrintWriter out, GateReport gate) {
    out.printf(
        Locale.ROOT,
        "gate against %s at precision target %.3f: %s%n",
        gate.champion(),
        gate.targetPrecision(),
        gate.passed() ? "PASSED" : "FAILED");
    for (GateCheck check : gate.checks()) {
      out.println("  " + (check.passed() ? "ok    " : "FAILED") + " " + check.reason());
    }
  }

  static String pct(Double fraction) {
    return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  private static void row(PrintWriter out, String key, String value) {
    out.printf(Locale.ROOT, "  %-17s %s%n", key, value);
  }

  private static String dash(String value) {
    return value == null ? "-" : value;
  }
}
