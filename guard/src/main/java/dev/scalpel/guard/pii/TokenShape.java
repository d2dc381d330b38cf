package dev.scalpel.guard.pii;

/**
 * Character statistics of a token, enough to tell a random key ({@code 9fQ2xLr7TkVb...}) from an
 * identifier or a word ({@code CustomerAccountServiceImpl}).
 */
record TokenShape(
    int length,
    boolean hasUpper,
    boolean hasLower,
    boolean hasDigit,
    int classChanges,
    double bits) {
  private static final double MIN_CHANGE_RATE = 1 / 3.0;
  private static final double MIN_BITS_PER_CHAR = 3.5;

  static TokenShape of(CharSequence text, int start, int end) {
    int[] counts = new int[128];
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    int changes = 0;
    int previous = -1;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      counts[c & 0x7F]++;
      int cls = classOf(c);
      upper |= cls == 0;
      lower |= cls == 1;
      digit |= cls == 2;
      if (previous >= 0 && cls != previous) {
        changes++;
      }
      previous = cls;
    }
    int length = end - start;
    double bits = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / length;
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    return new TokenShape(length, upper, lower, digit, changes, bits);
  }

  boolean hasLetter() {
    return hasUpper || hasLower;
  }

  /** Mixed classes, frequent class changes and high entropy: what generated keys look like. */
  boolean looksRandom() {
    return hasUpper
        && hasLower
        && hasDigit
        && classChanges >= MIN_CHANGE_RATE * (length - 1)
        && bits >= MIN_BITS_PER_CHAR;
  }

  private static int classOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return 0;
    }
    if (c >= 'a' && c <= 'z') {
      return 1;
    }
    if (c >= '0' && c <= '9') {
      return 2;
    }
    return 3;
  }
}
