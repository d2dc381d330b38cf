package dev.scalpel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}: where Scalpel keeps its state (embedding cache, models, logs). */
final class DataDirOption {
  @Option(
      names = "--data-dir",
      defaultValue = "scalpel-data",
      description = "Directory for Scalpel's stored state (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  Path embeddingCache() {
    return dataDir.resolve("embeddings");
  }
}
