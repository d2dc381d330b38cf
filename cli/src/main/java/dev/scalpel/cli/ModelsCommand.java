package dev.scalpel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scalpel models}: the model registry's commands. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = {
      "The model registry: every model version with its dataset version, parent, metrics,"
          + " provenance and gate report, and which version is the champion.",
      "Lives in <data-dir>/registry/<name>/."
    },
    subcommands = {
      ModelsListCommand.class,
      ModelsShowCommand.class,
      ModelsDiffCommand.class,
      ModelsPromoteCommand.class,
      ModelsRollbackCommand.class,
      ModelsImportCommand.class,
    })
final class ModelsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
