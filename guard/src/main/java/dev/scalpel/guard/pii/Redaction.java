package dev.scalpel.guard.pii;

import java.util.List;

/**
 * One text after redaction: {@code text} with every entity replaced by its placeholder, and the
 * entities found, in order, with offsets into the original text.
 */
public record Redaction(String text, List<PiiEntity> entities) {
  public Redaction {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    entities = List.copyOf(entities);
  }

  /** True when nothing was redacted. */
  public boolean isClean() {
    return entities.isEmpty();
  }
}
