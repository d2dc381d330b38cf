package dev.scalpel.cli;

import dev.scalpel.flywheel.gate.GatePolicy;
import dev.scalpel.flywheel.registry.ChampionChange;
import dev.scalpel.flywheel.retrain.RetrainOutcome;
import dev.scalpel.flywheel.retrain.RetrainRequest;
import dev.scalpel.flywheel.retrain.Retrainer;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalpel retrain}: trains, gates, registers and optionally promotes a challenger. */
@Command(
    name = "retrain",
    mixinStandardHelpOptions = true,
    description = {
      "Train a challenger on the newest dataset version with the champion's settings, gate it"
          + " against the champion on the frozen evaluation set and on the examples labeled since"
          + " the champion's dataset version, and register it with the gate report.",
      "Gate: at the champion's precision target, answered accuracy must stay at least the lower of"
          + " the champion's and the target, less --tolerance, and coverage must not fall (less"
          + " --coverage-tolerance).",
      "Exit 1 when --promote was asked and the gate failed (the report says why)."
    })
final class RetrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--promote", description = "Promote the challenger when the gate passes.")
  boolean promote;

  @Option(
      names = "--force",
      description =
          "Promote even when the gate fails (implies --promote; logged in the audit trail).")
  boolean force;

  @Option(names = "--reason", description = "Why, for the version note and the audit trail.")
  String reason = "";

  @Option(
      names = "--tolerance",
      defaultValue = "0.005",
      description = "Answered accuracy the challenger may lose (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(
      names = "--coverage-tolerance",
      defaultValue = "0",
      description = "Coverage the challenger may lose (default: ${DEFAULT-VALUE}).")
  double coverageTolerance;

  @Mixin RegistryOptions registryOptions;
  @Mixin EncoderOptions encoderOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GatePolicy policy = new GatePolicy(tolerance, coverageTolerance);
    RetrainOutcome outcome;
    try (RegistryEncoders encoders = registryOptions.encoders(encoderOptions)) {
      outcome =
          Retrainer.create(
                  registryOptions.registry(encoders), registryOptions.datasets(), encoders, policy)
              .retrain(new RetrainRequest(promote, force, reason), TerminalProgress.forStderr(err));
    }
    outcome.warnings().forEach(w -> err.println("warning: " + w));
    var challenger = outcome.challenger();
    out.printf(
        Locale.ROOT,
        "registered %s: trained on %s@%s (%d examples) in %.1f s%n",
        challenger.version(),
        registryOptions.name(),
        challenger.datasetVersion(),
        challenger.provenance().trainExamples(),
        outcome.timings().trainSeconds());
    RegistryPrinter.gate(out, outcome.gate());
    out.flush();
    return switch (outcome.promotion()) {
      case ChampionChange.Switched switched -> ChampionChanges.report(spec.commandLine(), switched);
      case ChampionChange.Kept kept when !(promote || force) -> {
        out.println("not promoted (no --promote); champion stays " + kept.champion());
        out.flush();
        yield 0;
      }
      case ChampionChange.Kept kept -> ChampionChanges.report(spec.commandLine(), kept);
    };
  }
}
