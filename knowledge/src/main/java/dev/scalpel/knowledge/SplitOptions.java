package dev.scalpel.knowledge;

/**
 * How documents become passages: sections (or plain-text files) longer than {@code maxWords} are
 * split on paragraph boundaries into passages of at most that many words; a paragraph longer than
 * that is split on sentence boundaries.
 *
 * <p>Around 80 to 200 words suits small sentence encoders: the built-in one reads at most 256
 * tokens, so a longer passage is embedded from its beginning only.
 */
public record SplitOptions(int maxWords) {
  /** The default passage bound, in words. */
  public static final int DEFAULT_MAX_WORDS = 160;

  static final int MIN_MAX_WORDS = 20;
  static final int MAX_MAX_WORDS = 2000;

  public SplitOptions {
    if (maxWords < MIN_MAX_WORDS || maxWords > MAX_MAX_WORDS) {
      throw new IllegalArgumentException(
          "passage size: expected "
              + MIN_MAX_WORDS
              + " to "
              + MAX_MAX_WORDS
              + " words, found "
              + maxWords);
    }
  }

  public static SplitOptions defaults() {
    return new SplitOptions(DEFAULT_MAX_WORDS);
  }
}
