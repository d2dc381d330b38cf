package dev.scalpel.cli;

import picocli.CommandLine.Command;

/** The root command: lists the subcommands. */
@Command(
    name = "scalpel",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Specialized-first AI gateway: small specialist models answer what they can, LLMs the rest.",
    subcommands = {
      QuickstartCommand.class,
      TrainCommand.class,
      PredictCommand.class,
      EvalCommand.class,
      InspectCommand.class,
      ServeCommand.class,
      StubLlmCommand.class,
      UsageCommand.class,
      HandoffsCommand.class,
      ForgetCommand.class,
      ReviewCommand.class,
      RedactCommand.class,
      KbCommand.class,
      KeysCommand.class,
      ModelsCommand.class,
      DatasetsCommand.class,
      RetrainCommand.class,
      SimulateCommand.class,
    })
final class ScalpelCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
