package dev.scalpel.guard.pii;

import java.util.EnumSet;
import java.util.List;

/** What a redactor finds in a text, as the original substrings, for compact assertions. */
final class Found {
  static final PiiRedactor ALL = PiiRedactor.create(EnumSet.allOf(PiiType.class));

  private Found() {}

  /** The substrings of {@code text} that a redactor enabled for {@code type} alone finds. */
  static List<String> only(PiiType type, String text) {
    return substrings(PiiRedactor.create(EnumSet.of(type)).detect(text), text);
  }

  /** The substrings of {@code text} found with every type enabled, as {@code TYPE:value}. */
  static List<String> all(String text) {
    return ALL.detect(text).stream()
        .map(e -> e.type().wireName() + ":" + text.substring(e.start(), e.end()))
        .toList();
  }

  private static List<String> substrings(List<PiiEntity> entities, String text) {
    return entities.stream().map(e -> text.substring(e.start(), e.end())).toList();
  }
}
