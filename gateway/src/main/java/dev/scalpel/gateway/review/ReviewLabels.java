package dev.scalpel.gateway.review;

import dev.scalpel.gateway.accounting.TextKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** How review texts are keyed and how review labels are spelled. */
final class ReviewLabels {
  /** The label of a text that no intent covers. */
  static final String OOS = "oos";

  /** The prefix of a label that names an intent to create. */
  static final String NEW_PREFIX = "new:";

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]+");

  private ReviewLabels() {}

  /** Lower case, runs of whitespace made one space, trimmed. */
  static String normalize(String text) {
    return TextKey.of(text);
  }

  /** The short id of a normalized text: the first 10 hex digits of its SHA-256. */
  static String idOf(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * The canonical spelling of a label a person gives: a label name, {@code oos}, or {@code
   * new:<name>} (also written {@code new: <name>}); empty when it is not one of those.
   */
  static Optional<String> canonical(String label) {
    String l = label.strip();
    if (l.regionMatches(true, 0, NEW_PREFIX, 0, NEW_PREFIX.length())) {
      String name = l.substring(NEW_PREFIX.length()).strip();
      return NAME.matcher(name).matches() ? Optional.of(NEW_PREFIX + name) : Optional.empty();
    }
    return NAME.matcher(l).matches() ? Optional.of(l) : Optional.empty();
  }
}
