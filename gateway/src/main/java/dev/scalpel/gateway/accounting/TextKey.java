package dev.scalpel.gateway.accounting;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key that groups requests with the same text (the review queue's items): lower case, runs of
 * whitespace made one space, trimmed. One definition, so that erasing a request's text finds the
 * review item made of it.
 */
public final class TextKey {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private TextKey() {}

  public static String of(String text) {
    return SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
