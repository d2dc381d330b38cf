package dev.scalpel.guard.pii;

/**
 * Whether digits stand inside an IBAN-shaped string: after a country code with check digits and any
 * groups of four ({@code DE89 3704 ...}, {@code NL66 DAMN 7079 ...}). Such digits belong to an
 * account number, valid or not, so the card and phone detectors leave them alone, and an IBAN that
 * fails mod-97 is not taken for a card number that happens to pass Luhn.
 */
final class IbanPrefix {
  private static final int MAX_GROUPS = 9;

  private IbanPrefix() {}

  /**
   * True when the text before {@code start} is {@code "CCdd "} and zero or more {@code "xxxx "}.
   */
  static boolean precedes(String text, int start) {
    int pos = start;
    for (int group = 0; group < MAX_GROUPS && pos >= 5 && text.charAt(pos - 1) == ' '; group++) {
      int groupStart = pos - 5;
      if (!isAlnum(text, groupStart, pos - 1)) {
        return false;
      }
      if (isCountryAndCheckDigits(text, groupStart)
          && (groupStart == 0 || !Character.isLetterOrDigit(text.charAt(groupStart - 1)))) {
        return true;
      }
      pos = groupStart;
    }
    return false;
  }

  private static boolean isCountryAndCheckDigits(String text, int at) {
    return Character.isLetter(text.charAt(at))
        && Character.isLetter(text.charAt(at + 1))
        && DigitGroups.isDigit(text.charAt(at + 2))
        && DigitGroups.isDigit(text.charAt(at + 3))
        && IbanCountries.length(text.charAt(at), text.charAt(at + 1)) > 0;
  }

  private static boolean isAlnum(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!(DigitGroups.isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }
}
