package dev.scalpel.cli;

import dev.scalpel.gateway.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where Scalpel keeps its state (embedding cache, models, request log): {@code --data-dir}, else
 * the {@code storage.data_dir} of the {@code --config} file, else {@code ./scalpel-data}.
 */
final class DataDirOption {
  static final Path DEFAULT = Path.of("scalpel-data");

  @Option(
      names = "--data-dir",
      description =
          "Directory for Scalpel's stored state (default: the --config file's, else ./scalpel-data).")
  Path explicit;

  @Option(
      names = "--config",
      description = "A gateway configuration (scalpel.yaml) whose storage.data_dir to use.")
  Path config;

  Path dataDir() {
    if (explicit != null) {
      return explicit;
    }
    if (config != null) {
      return ConfigLoader.create().load(config).dataDir();
    }
    return DEFAULT;
  }

  Path embeddingCache() {
    return dataDir().resolve("embeddings");
  }
}
