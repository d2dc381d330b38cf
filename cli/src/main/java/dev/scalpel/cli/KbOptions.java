package dev.scalpel.cli;

import dev.scalpel.knowledge.KnowledgeBase;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which knowledge base a {@code kb} command works on: {@code <data-dir>/kb/<name>}. */
final class KbOptions {
  @Option(
      names = "--name",
      defaultValue = KnowledgeBase.DEFAULT_NAME,
      description =
          "Knowledge base name: letters, digits, '.', '_' and '-' (default: ${DEFAULT-VALUE}).")
  String name;

  @Mixin DataDirOption dataDir;

  Path indexDir() {
    return KnowledgeBase.directory(dataDir.dataDir(), name);
  }
}
