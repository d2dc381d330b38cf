package dev.scalpel.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalpel models rollback}: restores the previous champion. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Make the previous champion the champion again, after checking that its model loads.",
      "Written to the registry's audit.jsonl."
    })
final class ModelsRollbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--reason", description = "Why, for the audit trail.")
  String reason = "";

  @Mixin RegistryOptions registryOptions;
  @Mixin EncoderOptions encoderOptions;

  @Override
  public Integer call() {
    try (RegistryEncoders encoders = registryOptions.encoders(encoderOptions)) {
      return ChampionChanges.report(
          spec.commandLine(), registryOptions.registry(encoders).rollback(reason));
    }
  }
}
