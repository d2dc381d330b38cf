package dev.scalpel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scalpel datasets}: the append-only dataset versions of a specialist. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = {
      "Append-only dataset versions: each version is its parent plus labeled examples, with"
          + " SHA-256 hashes checked on every read; plus the frozen evaluation set.",
      "Lives in <data-dir>/datasets/<name>/."
    },
    subcommands = {
      DatasetsAddCommand.class,
      DatasetsListCommand.class,
      DatasetsSetEvalCommand.class
    })
final class DatasetsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
