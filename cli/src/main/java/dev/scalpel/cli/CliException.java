package dev.scalpel.cli;

/** A command that cannot go on; the message tells the user what to do. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }
}
