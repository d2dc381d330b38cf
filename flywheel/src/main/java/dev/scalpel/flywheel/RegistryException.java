package dev.scalpel.flywheel;

/**
 * A registry or dataset request that cannot be carried out as asked: an unknown version, no
 * champion yet, nothing new to train on. The message says what was expected, what was found and
 * what to do. Damaged state files are reported as {@link dev.scalpel.core.io.ModelFormatException}
 * instead.
 */
public final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RegistryException(String message) {
    super(message);
  }
}
