package dev.scalpel.core.data;

/**
 * One labeled text. {@code line} is where it was read (1-based, 0 when it did not come from a
 * file), so that later checks can point the user at the row.
 */
public record Example(String text, String label, int line) {
  public Example {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("example text must not be blank");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("example label must not be blank");
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, found " + line);
    }
  }

  /** An example that did not come from a file. */
  public static Example of(String text, String label) {
    return new Example(text, label, 0);
  }
}
