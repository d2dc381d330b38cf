package dev.scalpel.bench.flywheel;

import dev.scalpel.flywheel.simulate.RoundResult;
import dev.scalpel.flywheel.simulate.RoundTiming;
import dev.scalpel.flywheel.simulate.SimulationReport;
import dev.scalpel.flywheel.simulate.TestMetrics;
import java.util.Locale;
import java.util.Map;

/** Renders the CLINC150 flywheel simulation as Markdown: setup, targets, curve and timings. */
final class SimulationPage {
  private SimulationPage() {}

  static String render(
      Map<String, Object> header,
      SimulationReport report,
      SimulationTargets targets,
      NoiseFreeCounterfactual noiseFree) {
    StringBuilder md = new StringBuilder();
    md.append("# Flywheel simulation: CLINC150 Full\n\n");
    for (String key :
        new String[] {"command", "date", "machine", "load_before", "load_after", "dataset"}) {
      md.append("- ").append(key.replace('_', ' ')).append(": ");
      md.append(key.equals("command") ? "`" + header.get(key) + "`" : header.get(key)).append('\n');
    }
    var o = report.options();
    md.append(
        String.format(
            Locale.ROOT,
            "- setup: the starting model knows %d of %d intents (%d examples, out-of-scope ones"
                + " included); the other %d training examples are traffic, %d per round for %d"
                + " rounds; the simulated teacher labels every escalated request, wrong %.0f%% of"
                + " the time; each challenger trains on the newest dataset version with the"
                + " champion's settings (precision target %.2f, seed %d, %s), is gated on val"
                + " (tolerance %.1f point of answered accuracy, coverage must not fall) and"
                + " promoted through the registry; test is never seen by training or the gate\n",
            report.knownIntents().size(),
            report.knownIntents().size() + report.unknownIntents(),
            report.startingExamples(),
            report.trafficExamples(),
            o.perRound(),
            o.rounds(),
            100 * o.teacherNoise(),
            o.train().targetPrecision(),
            o.seed(),
            o.train().trainer().balanceClasses() ? "class-balanced head" : "unweighted head",
            100 * o.gate().answeredAccuracyTolerance()));
    md.append("- wall time of the whole run: ").append(header.get("wall_seconds")).append(" s\n\n");

    md.append("## Targets (issue 6)\n\n| target | this run | met |\n|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| in-scope answered accuracy >= %s in every promoted round | lowest %s%s | %s |\n",
            pct(targets.minAnsweredAccuracy()),
            pct(lowestPromoted(report)),
            targets.accuracyMet() ? "" : ", below in rounds " + targets.roundsBelowAccuracy(),
            yes(targets.accuracyMet())));
    md.append(
        String.format(
            Locale.ROOT,
            "| coverage after the last round within 5 points of a model trained on all the data |"
                + " %s vs %s (%.2f points) | %s |\n",
            pct(targets.finalCoverage()),
            pct(targets.referenceCoverage()),
            100 * (targets.referenceCoverage() - targets.finalCoverage()),
            yes(targets.coverageMet())));
    md.append(
        String.format(
            Locale.ROOT,
            "| new labels to a promoted model (retrain + gate + promote) <= %.0f s | slowest round"
                + " %.1f s | %s |\n\n",
            targets.maxSecondsToPromotion(),
            targets.slowestRoundSeconds(),
            yes(targets.timeMet())));

    md.append("## Curve (test split, each round's champion)\n\n");
    md.append(
        "| round | model | promoted | labels used | coverage | in-scope answered accuracy |"
            + " answered accuracy | in-scope accuracy | LLM share |\n"
            + "|---|---|---|---|---|---|---|---|---|\n");
    for (RoundResult r : report.rounds()) {
      row(
          md,
          Integer.toString(r.round()),
          r.modelVersion(),
          r.promoted() ? "yes" : "no",
          Integer.toString(r.labelsUsed()),
          r.metrics());
    }
    row(
        md,
        "5, gold labels",
        "counterfactual",
        "-",
        Integer.toString(report.rounds().getLast().labelsUsed()),
        noiseFree.metrics());
    row(md, "all data", "reference", "-", "-", report.reference());
    md.append(
        "\nMeanings as in `scalpel eval`: coverage and in-scope accuracy count every in-scope test"
            + " example, intents not yet learned included; answered accuracy counts answered"
            + " out-of-scope examples as wrong (the test split is 18% out of scope, val 3%);"
            + " LLM share is the share of all test requests not answered locally.\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "\"5, gold labels\" is not a round: it retrains the last round's dataset (%d examples)"
                + " with the %d wrong teacher labels replaced by the gold ones, to show what the"
                + " teacher's mistakes cost; the rest of the gap to the all-data model comes from"
                + " the traffic the champion answered and so never had labeled.\n\n",
            noiseFree.examples(),
            noiseFree.wrongTeacherLabels()));

    md.append("## From new labels to a decision, per round (seconds)\n\n");
    md.append(
        "| round | traffic routed | escalated = labeled | challenger | gate | train | gate"
            + " | register + promote | total | process CPU |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n");
    for (RoundTiming t : report.timings()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %d | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f |\n",
              t.round(),
              t.routed(),
              t.escalated(),
              t.challenger() == null ? "-" : t.challenger(),
              t.gatePassed() == null ? "-" : t.gatePassed() ? "passed" : "failed",
              t.trainSeconds(),
              t.gateSeconds(),
              t.promoteSeconds(),
              t.totalSeconds(),
              t.cpuSeconds()));
    }
    for (RoundTiming t : report.timings()) {
      for (String reason : t.gateReasons()) {
        md.append("\nRound ")
            .append(t.round())
            .append(", champion kept: ")
            .append(reason)
            .append('\n');
      }
    }
    md.append(
        "\nTrain: the challenger on the newest dataset version (embeddings come from the cache:"
            + " the champion embedded each traffic text when it routed it). Gate: loading the"
            + " champion and classifying val with both models. Register + promote: writing the"
            + " version directory, then loading the model as a gateway would and switching the"
            + " champion pointer.\n");
    return md.toString();
  }

  private static double lowestPromoted(SimulationReport report) {
    return report.rounds().stream()
        .filter(RoundResult::promoted)
        .mapToDouble(r ->
            r.metrics().inScopeAnsweredAccuracy() == null
                ? 0
                : r.metrics().inScopeAnsweredAccuracy())
        .min()
        .orElse(0);
  }

  private static void row(
      StringBuilder md, String round, String model, String promoted, String labels, TestMetrics m) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
            round,
            model,
            promoted,
            labels,
            pct(m.coverage()),
            pct(m.inScopeAnsweredAccuracy()),
            pct(m.answeredAccuracy()),
            pct(m.inScopeAccuracy()),
            pct(m.llmShare())));
  }

  private static String pct(Double fraction) {
    return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  private static String yes(boolean met) {
    return met ? "yes" : "**no**";
  }
}
