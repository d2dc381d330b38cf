package dev.scalpel.guard.pii;

import java.util.List;
import java.util.Locale;

/**
 * IBANs: a country code with its registered IBAN length ({@link IbanCountries}), two check digits,
 * then the account, written compact ({@code DE89370400440532013000}) or in groups of four ({@code
 * DE89 3704 0044 0532 0130 00}), in either case, passing the ISO 13616 mod-97 check. One string in
 * 97 passes mod-97 by chance; the length and country tests cut that further.
 */
final class IbanDetector implements Detector {
  @Override
  public void find(String text, List<PiiEntity> out) {
    int n = text.length();
    int pos = 0;
    while (pos + 4 <= n) {
      int end = ibanEnd(text, pos);
      if (end > 0) {
        out.add(new PiiEntity(PiiType.IBAN, pos, end));
        pos = end;
      } else {
        pos++;
      }
    }
  }

  private static int ibanEnd(String text, int start) {
    if (!isLetter(text.charAt(start))
        || !isLetter(text.charAt(start + 1))
        || !DigitGroups.isDigit(text.charAt(start + 2))
        || !DigitGroups.isDigit(text.charAt(start + 3))
        || (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)))) {
      return -1;
    }
    int length = IbanCountries.length(text.charAt(start), text.charAt(start + 1));
    if (length < 0) {
      return -1;
    }
    StringBuilder compact = new StringBuilder(length);
    int end = read(text, start, length, false, compact);
    if (end < 0) {
      compact.setLength(0);
      end = read(text, start, length, true, compact);
    }
    if (end < 0 || !hasValidCheckDigits(compact)) {
      return -1;
    }
    return end;
  }

  /**
   * Reads {@code length} alphanumerics from {@code start}, with a single space before every fourth
   * when {@code grouped}; returns where they end, or -1 when the text has another shape there.
   */
  private static int read(
      String text, int start, int length, boolean grouped, StringBuilder compact) {
    int pos = start;
    while (compact.length() < length) {
      if (grouped && compact.length() > 0 && compact.length() % 4 == 0) {
        if (pos >= text.length() || text.charAt(pos) != ' ') {
          return -1;
        }
        pos++;
      }
      if (pos >= text.length() || !isAlnum(text.charAt(pos))) {
        return -1;
      }
      compact.append(text.charAt(pos++));
    }
    if (pos < text.length() && (isAlnum(text.charAt(pos)) || text.charAt(pos) == '_')) {
      return -1;
    }
    return pos;
  }

  /** ISO 13616: the number formed by moving the first four characters to the end is 1 mod 97. */
  static boolean hasValidCheckDigits(CharSequence iban) {
    String upper = iban.toString().toUpperCase(Locale.ROOT);
    int remainder = 0;
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt((i + 4) % upper.length());
      if (c >= '0' && c <= '9') {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return remainder == 1;
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isAlnum(char c) {
    return isLetter(c) || DigitGroups.isDigit(c);
  }
}
