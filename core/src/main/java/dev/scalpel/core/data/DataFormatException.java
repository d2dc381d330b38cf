package dev.scalpel.core.data;

import java.nio.file.Path;

/**
 * Input data that cannot be read. The message names the file, the line (when there is one), what
 * was expected and what was found: {@code train.csv:12: ragged row (expected 2 columns as in the
 * header, found 3)}.
 */
public final class DataFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;

  public DataFormatException(Path file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }

  /** The 1-based line at fault, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }
}
