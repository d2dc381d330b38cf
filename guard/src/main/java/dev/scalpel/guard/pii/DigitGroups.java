package dev.scalpel.guard.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of digit groups joined by one separator character used throughout ({@code 4111 1111 1111
 * 1111}, {@code 123-45-6789}, {@code 4111111111111111}), as the card and SSN detectors read them. A
 * run that starts or ends against a letter or digit, or against a dash or dot that continues a code
 * ({@code ORD-4111...}, {@code 4111...-7}), is not a run: it is part of a longer identifier.
 */
record DigitGroups(int start, int end, char separator, List<int[]> groups) {
  /** The run starting at {@code from} (a digit), or null when it is part of a longer token. */
  static DigitGroups at(String text, int from, String separators) {
    if (!boundaryBefore(text, from)) {
      return null;
    }
    List<int[]> groups = new ArrayList<>();
    char separator = 0;
    int pos = from;
    while (true) {
      int groupStart = pos;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
      groups.add(new int[] {groupStart, pos});
      if (pos + 1 < text.length()
          && separators.indexOf(text.charAt(pos)) >= 0
          && (separator == 0 || text.charAt(pos) == separator)
          && isDigit(text.charAt(pos + 1))) {
        separator = text.charAt(pos);
        pos++;
        continue;
      }
      break;
    }
    return new DigitGroups(from, pos, separator, List.copyOf(groups));
  }

  /** Whether the run may end at {@code end} rather than being part of a longer token. */
  static boolean boundaryAfter(String text, int end) {
    if (end >= text.length()) {
      return true;
    }
    char c = text.charAt(end);
    if (Character.isLetterOrDigit(c) || c == '_') {
      return false;
    }
    if ((c == '-' || c == '.' || c == ',' || c == '/') && end + 1 < text.length()) {
      return !Character.isLetterOrDigit(text.charAt(end + 1));
    }
    return true;
  }

  static boolean boundaryBefore(String text, int start) {
    if (start == 0) {
      return true;
    }
    char c = text.charAt(start - 1);
    if (Character.isLetterOrDigit(c) || c == '_' || c == '+') {
      return false;
    }
    if ((c == '-' || c == '.' || c == ',' || c == '/') && start >= 2) {
      return !Character.isLetterOrDigit(text.charAt(start - 2));
    }
    return true;
  }

  /** The first digit at or after {@code from}, or the text's length. */
  static int nextDigit(String text, int from) {
    int pos = from;
    while (pos < text.length() && !isDigit(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  /** The end of the digits starting at {@code from}. */
  static int endOfDigits(String text, int from) {
    int pos = from;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  int groupLength(int index) {
    int[] group = groups.get(index);
    return group[1] - group[0];
  }

  /**
   * The digits of groups {@code from} (inclusive) to {@code to} (exclusive), separators dropped.
   */
  String digits(String text, int from, int to) {
    StringBuilder digits = new StringBuilder(24);
    for (int i = from; i < to; i++) {
      digits.append(text, groups.get(i)[0], groups.get(i)[1]);
    }
    return digits.toString();
  }
}
