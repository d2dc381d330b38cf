package dev.scalpel.cli;

import dev.scalpel.flywheel.simulate.RoundResult;
import dev.scalpel.flywheel.simulate.RoundTiming;
import dev.scalpel.flywheel.simulate.SimulationReport;
import dev.scalpel.flywheel.simulate.TestMetrics;
import java.io.PrintWriter;
import java.util.Locale;

/** The simulation's curve and timings as a table. */
final class SimulationPrinter {
  private SimulationPrinter() {}

  static void print(PrintWriter out, SimulationReport report) {
    out.printf(
        Locale.ROOT,
        "starting model knows %d of %d intents (%d examples); %d traffic examples%n",
        report.knownIntents().size(),
        report.knownIntents().size() + report.unknownIntents(),
        report.startingExamples(),
        report.trafficExamples());
    out.printf(
        Locale.ROOT,
        "%-8s %-12s %-9s %7s %9s %10s %10s %10s %9s%n",
        "round",
        "model",
        "promoted",
        "labels",
        "coverage",
        "is-ans-acc",
        "ans-acc",
        "is-acc",
        "llm");
    for (RoundResult r : report.rounds()) {
      row(
          out,
          Integer.toString(r.round()),
          r.modelVersion(),
          r.promoted() ? "yes" : "no",
          Integer.toString(r.labelsUsed()),
          r.metrics());
    }
    row(out, "all-data", "reference", "-", "-", report.reference());
    out.println("seconds from new labels to a decision (train + gate + register/promote):");
    for (RoundTiming t : report.timings()) {
      out.printf(
          Locale.ROOT,
          "  round %d: %d escalated of %d routed; %s%n",
          t.round(),
          t.escalated(),
          t.routed(),
          t.challenger() == null
              ? "nothing to learn"
              : String.format(
                  Locale.ROOT,
                  "%s gate %s; %.1f + %.1f + %.1f = %.1f s",
                  t.challenger(),
                  Boolean.TRUE.equals(t.gatePassed()) ? "passed" : "failed",
                  t.trainSeconds(),
                  t.gateSeconds(),
                  t.promoteSeconds(),
                  t.totalSeconds()));
    }
  }

  private static void row(
      PrintWriter out, String round, String model, String promoted, String labels, TestMetrics m) {
    out.printf(
        Locale.ROOT,
        "%-8s %-12s %-9s %7s %9s %10s %10s %10s %9s%n",
        round,
        model,
        promoted,
        labels,
        RegistryPrinter.pct(m.coverage()),
        RegistryPrinter.pct(m.inScopeAnsweredAccuracy()),
        RegistryPrinter.pct(m.answeredAccuracy()),
        RegistryPrinter.pct(m.inScopeAccuracy()),
        RegistryPrinter.pct(m.llmShare()));
  }
}
