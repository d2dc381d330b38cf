package dev.scalpel.guard.pii;

/**
 * One piece of personal data found in a text: its type and where it is in the original text, as
 * offsets in UTF-16 code units ({@link String#substring(int, int)} semantics, end exclusive).
 */
public record PiiEntity(PiiType type, int start, int end) {
  public PiiEntity {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "expected 0 <= start < end, found start " + start + ", end " + end);
    }
  }

  /** Length in UTF-16 code units. */
  public int length() {
    return end - start;
  }

  boolean overlaps(PiiEntity other) {
    return start < other.end && other.start < end;
  }
}
