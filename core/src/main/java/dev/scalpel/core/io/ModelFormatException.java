package dev.scalpel.core.io;

import java.nio.file.Path;

/**
 * A model file (or other state file we own) that cannot be loaded: not ours, truncated, corrupted,
 * written by a newer version, or made for another encoder. The message says what was expected and
 * what was found.
 */
public final class ModelFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
