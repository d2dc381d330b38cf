package dev.scalpel.embed;

import dev.scalpel.core.progress.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * An encoder that looks texts up in an {@link EmbeddingCache} first and embeds only the misses.
 * Call {@link #flush()} to persist what was added; {@link #close()} flushes and closes the wrapped
 * encoder.
 */
public final class CachedEncoder implements SentenceEncoder {
  private final SentenceEncoder encoder;
  private final EmbeddingCache cache;

  private CachedEncoder(SentenceEncoder encoder, EmbeddingCache cache) {
    this.encoder = encoder;
    this.cache = cache;
  }

  public static CachedEncoder create(SentenceEncoder encoder, EmbeddingCache cache) {
    return new CachedEncoder(encoder, cache);
  }

  @Override
  public EncoderIdentity identity() {
    return encoder.identity();
  }

  @Override
  public float[][] embed(List<String> texts, Progress progress) {
    float[][] result = new float[texts.size()][];
    List<Integer> missing = new ArrayList<>();
    List<String> missingTexts = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      float[] cached = cache.get(texts.get(i));
      if (cached == null) {
        missing.add(i);
        missingTexts.add(texts.get(i));
      } else {
        result[i] = cached;
      }
    }
    if (!missingTexts.isEmpty()) {
      float[][] fresh = encoder.embed(missingTexts, progress);
      for (int j = 0; j < fresh.length; j++) {
        result[missing.get(j)] = fresh[j];
        cache.put(missingTexts.get(j), fresh[j]);
      }
    }
    return result;
  }

  /** Persists the vectors embedded since the last flush. */
  public void flush() {
    cache.flush();
  }

  @Override
  public void close() {
    try {
      cache.flush();
    } finally {
      encoder.close();
    }
  }
}
