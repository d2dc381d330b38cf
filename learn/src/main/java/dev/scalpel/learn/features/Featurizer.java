package dev.scalpel.learn.features;

import java.util.Arrays;
import java.util.Map;

/**
 * Builds the feature vector of a text: sublinear tf-idf n-grams, each kind present (word,
 * character) L2-normalized on its own so that both count alike, the whole n-gram block then having
 * the length of the n-gram weight; then the sentence embedding (already unit length) scaled by the
 * embedding weight, placed after the n-grams.
 */
public final class Featurizer {
  private final FeatureConfig config;
  private final Vocabulary vocabulary;
  private final NgramExtractor extractor;
  private final int embeddingDimension;

  public Featurizer(FeatureConfig config, Vocabulary vocabulary, int embeddingDimension) {
    this.config = config;
    this.vocabulary = vocabulary;
    this.extractor = new NgramExtractor(config);
    this.embeddingDimension = config.useEmbeddings() ? embeddingDimension : 0;
  }

  /** Total feature count: vocabulary then embedding dimensions. */
  public int dimension() {
    return vocabulary.size() + embeddingDimension;
  }

  public int embeddingDimension() {
    return embeddingDimension;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  public FeatureConfig config() {
    return config;
  }

  /** The features of {@code text}; {@code embedding} is ignored when the config uses none. */
  public SparseVector features(String text, float[] embedding) {
    Map<String, Integer> terms = extractor.terms(text);
    int[] indices = new int[terms.size() + embeddingDimension];
    float[] values = new float[indices.length];
    int n = 0;
    for (Map.Entry<String, Integer> term : terms.entrySet()) {
      int i = vocabulary.indexOf(term.getKey());
      if (i >= 0) {
        indices[n] = i;
        values[n] = (float) ((1 + Math.log(term.getValue())) * vocabulary.idf(i));
        n++;
      }
    }
    sortByIndex(indices, values, n);
    normalizeKinds(indices, values, n);
    if (embeddingDimension > 0) {
      if (embedding == null || embedding.length != embeddingDimension) {
        throw new IllegalArgumentException(
            "expected an embedding of dimension "
                + embeddingDimension
                + ", found "
                + (embedding == null ? "none" : embedding.length));
      }
      float weight = (float) config.embeddingWeight();
      for (int d = 0; d < embeddingDimension; d++) {
        indices[n] = vocabulary.size() + d;
        values[n] = embedding[d] * weight;
        n++;
      }
    }
    return new SparseVector(Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
  }

  private void normalizeKinds(int[] indices, float[] values, int n) {
    double word = 0;
    double chars = 0;
    for (int k = 0; k < n; k++) {
      double sq = (double) values[k] * values[k];
      if (isWord(indices[k])) {
        word += sq;
      } else {
        chars += sq;
      }
    }
    double kinds = (word > 0 ? 1 : 0) + (chars > 0 ? 1 : 0);
    double weight = config.ngramWeight() / Math.sqrt(Math.max(1, kinds));
    float wordScale = word > 0 ? (float) (weight / Math.sqrt(word)) : 0f;
    float charScale = chars > 0 ? (float) (weight / Math.sqrt(chars)) : 0f;
    for (int k = 0; k < n; k++) {
      values[k] *= isWord(indices[k]) ? wordScale : charScale;
    }
  }

  private boolean isWord(int index) {
    return vocabulary.term(index).startsWith(NgramExtractor.WORD);
  }

  private static void sortByIndex(int[] indices, float[] values, int n) {
    long[] packed = new long[n];
    for (int k = 0; k < n; k++) {
      packed[k] = ((long) indices[k] << 32) | (Float.floatToRawIntBits(values[k]) & 0xFFFF_FFFFL);
    }
    Arrays.sort(packed);
    for (int k = 0; k < n; k++) {
      indices[k] = (int) (packed[k] >>> 32);
      values[k] = Float.intBitsToFloat((int) packed[k]);
    }
  }
}
