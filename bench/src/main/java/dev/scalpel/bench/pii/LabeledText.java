package dev.scalpel.bench.pii;

import dev.scalpel.guard.pii.PiiEntity;
import java.util.List;

/**
 * One generated sentence with the entities it truly holds. {@code kind} says how it was made:
 * {@code pii} (from a template with PII slots), {@code clean}, or {@code near_miss:<category>}.
 */
record LabeledText(String text, List<PiiEntity> truth, String kind) {
  LabeledText {
    if (text == null || kind == null) {
      throw new IllegalArgumentException("text and kind must not be null");
    }
    truth = List.copyOf(truth);
    for (PiiEntity entity : truth) {
      if (entity.end() > text.length()) {
        throw new IllegalArgumentException(
            "entity " + entity + " ends past the text (" + text.length() + "): " + text);
      }
    }
  }
}
