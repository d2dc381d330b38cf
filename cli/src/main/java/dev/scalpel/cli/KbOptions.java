package dev.scalpel.cli;

import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which knowledge base a {@code kb} command works on: {@code <data-dir>/kb/<name>}. */
final class KbOptions {
  static final String DEFAULT_NAME = "default";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  @Option(
      names = "--name",
      defaultValue = DEFAULT_NAME,
      description =
          "Knowledge base name: letters, digits, '.', '_' and '-' (default: ${DEFAULT-VALUE}).")
  String name;

  @Mixin DataDirOption dataDir;

  Path indexDir() {
    if (!NAME.matcher(name).matches()) {
      throw new CliException(
          "--name: expected letters, digits, '.', '_' or '-' (not starting with '.', '_' or '-'),"
              + " found '"
              + name
              + "'");
    }
    return dataDir.dataDir().resolve("kb").resolve(name);
  }
}
