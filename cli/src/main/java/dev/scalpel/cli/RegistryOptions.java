package dev.scalpel.cli;

import dev.scalpel.flywheel.dataset.DatasetStore;
import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.learn.EncoderProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which specialist's registry and datasets a command works on: {@code --name}, or the only
 * specialist of the data directory's registry when there is exactly one.
 */
final class RegistryOptions {
  @Option(
      names = "--name",
      description = "Specialist name in the registry (default: the only one there is).")
  String name;

  @Mixin DataDirOption dataDir;

  Path registryRoot() {
    return dataDir.dataDir().resolve("registry");
  }

  Path datasetsRoot() {
    return dataDir.dataDir().resolve("datasets");
  }

  String name() {
    if (name != null) {
      return name;
    }
    List<String> names = ModelRegistry.names(registryRoot());
    if (names.size() == 1) {
      return names.getFirst();
    }
    if (names.isEmpty()) {
      throw new CliException(
          "no registry in "
              + registryRoot()
              + ": start one with 'scalpel models import --name NAME MODEL' (or pass --data-dir)");
    }
    throw new CliException(
        "the registry in " + registryRoot() + " holds " + names + ": choose one with --name");
  }

  ModelRegistry registry(EncoderProvider encoders) {
    return ModelRegistry.open(registryRoot(), name(), encoders);
  }

  /** A registry for reading only: asking it to load a model with an encoder is a bug. */
  ModelRegistry registry() {
    return registry(identity -> {
      throw new IllegalStateException("this command loads no model");
    });
  }

  /** The encoders a command that loads or trains models needs; close them when done. */
  RegistryEncoders encoders(EncoderOptions options) {
    return new RegistryEncoders(options, dataDir.embeddingCache());
  }

  DatasetStore datasets() {
    return DatasetStore.open(datasetsRoot(), name());
  }

  /** Whether the data directory has a registry for {@code specialist}. */
  boolean exists(String specialist) {
    return Files.isDirectory(registryRoot().resolve(specialist).resolve("versions"));
  }
}
