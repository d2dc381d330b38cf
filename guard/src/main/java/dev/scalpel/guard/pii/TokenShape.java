package dev.scalpel.guard.pii;

/**
 * Character statistics of a token, enough to tell a random key ({@code 9fQ2xLr7TkVb...}) from an
 * identifier or a word ({@code CustomerAccountServiceImpl}): identifiers are made of words, so most
 * of their characters sit in runs of three or more lower-case letters; in a random base62 token of
 * 32 characters that share is 15% at the median and above 50% about once in a thousand.
 */
record TokenShape(
    int length, boolean hasUpper, boolean hasLower, boolean hasDigit, int wordChars, double bits) {
  private static final int WORD_RUN = 3;
  private static final double MIN_BITS_PER_CHAR = 3.5;

  static TokenShape of(CharSequence text, int start, int end) {
    int[] counts = new int[128];
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    int wordChars = 0;
    int lowerRun = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      counts[c & 0x7F]++;
      boolean isLower = c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
      lower |= isLower;
      digit |= c >= '0' && c <= '9';
      if (isLower) {
        lowerRun++;
      } else {
        wordChars += lowerRun >= WORD_RUN ? lowerRun : 0;
        lowerRun = 0;
      }
    }
    wordChars += lowerRun >= WORD_RUN ? lowerRun : 0;
    int length = end - start;
    double bits = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / length;
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    return new TokenShape(length, upper, lower, digit, wordChars, bits);
  }

  boolean hasLetter() {
    return hasUpper || hasLower;
  }

  /** Mixed classes, few word-like runs and high entropy: what generated keys look like. */
  boolean looksRandom() {
    return hasUpper && hasLower && hasDigit && 2 * wordChars < length && bits >= MIN_BITS_PER_CHAR;
  }
}
