package dev.scalpel.cli;

import dev.scalpel.flywheel.registry.ChampionChange;
import dev.scalpel.flywheel.registry.ModelRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalpel models promote}: makes a version the champion. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Make VERSION the champion, after checking that its model loads. A version whose gate"
          + " failed needs --force.",
      "Every attempt is written to the registry's audit.jsonl."
    })
final class ModelsPromoteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "VERSION", description = "The version to promote, e.g. intent-3.")
  String version;

  @Option(
      names = "--force",
      description = "Promote even though the version's gate failed (logged in the audit trail).")
  boolean force;

  @Option(names = "--reason", description = "Why, for the audit trail.")
  String reason = "";

  @Mixin RegistryOptions registryOptions;
  @Mixin EncoderOptions encoderOptions;

  @Override
  public Integer call() {
    try (RegistryEncoders encoders = registryOptions.encoders(encoderOptions)) {
      ModelRegistry registry = registryOptions.registry(encoders);
      ChampionChange change = registry.promote(version, reason, force);
      return ChampionChanges.report(spec.commandLine(), change);
    }
  }
}
