package dev.scalpel.guard.pii;

/** The Luhn (mod 10) check digit used by payment card numbers. */
final class Luhn {
  private Luhn() {}

  /** Whether {@code digits} (ASCII digits only) ends in a correct Luhn check digit. */
  static boolean isValid(CharSequence digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /** The digit that makes {@code payload} followed by it Luhn-valid. */
  static char checkDigit(CharSequence payload) {
    for (char c = '0'; c <= '9'; c++) {
      if (isValid(payload + String.valueOf(c))) {
        return c;
      }
    }
    throw new IllegalStateException("no Luhn check digit for " + payload);
  }
}
