package dev.scalpel.cli;

import picocli.CommandLine;

/** Entry point of the {@code scalpel} command line. Exit codes: 0 ok, 1 failure, 2 usage error. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new ScalpelCommand());
    commandLine.setExecutionExceptionHandler(new UserErrors());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine.execute(args);
  }
}
