package dev.scalpel.learn.features;

/**
 * Which features a specialist uses: word n-grams up to {@code wordNgramMax}, character n-grams
 * within words from {@code charNgramMin} to {@code charNgramMax} (0 disables them), n-grams kept
 * only when seen at least {@code minCount} times, and the relative weights of the n-gram block and
 * the sentence-embedding block.
 */
public record FeatureConfig(
    int wordNgramMax,
    int charNgramMin,
    int charNgramMax,
    int minCount,
    double ngramWeight,
    double embeddingWeight,
    boolean useEmbeddings) {

  public FeatureConfig {
    if (wordNgramMax < 1 || wordNgramMax > 3) {
      throw new IllegalArgumentException("wordNgramMax must be 1..3, found " + wordNgramMax);
    }
    if (charNgramMax != 0
        && (charNgramMin < 2 || charNgramMax < charNgramMin || charNgramMax > 6)) {
      throw new IllegalArgumentException(
          "character n-grams must satisfy 2 <= min <= max <= 6 (or max = 0 to disable), found "
              + charNgramMin
              + ".."
              + charNgramMax);
    }
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be >= 1, found " + minCount);
    }
    if (!(ngramWeight >= 0) || !(embeddingWeight >= 0)) {
      throw new IllegalArgumentException("feature weights must be >= 0");
    }
  }

  /** The default: word 1-2 grams, character 3-5 grams, and the sentence embedding weighted 2:1. */
  public static FeatureConfig defaults() {
    return new FeatureConfig(2, 3, 5, 1, 1.0, 2.0, true);
  }

  public FeatureConfig withoutEmbeddings() {
    return new FeatureConfig(
        wordNgramMax, charNgramMin, charNgramMax, minCount, ngramWeight, embeddingWeight, false);
  }

  public boolean useCharNgrams() {
    return charNgramMax > 0;
  }
}
