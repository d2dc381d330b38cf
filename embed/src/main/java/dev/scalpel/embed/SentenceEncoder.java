package dev.scalpel.embed;

import dev.scalpel.core.progress.Progress;
import java.util.List;

/** Maps texts to L2-normalized sentence vectors. Implementations are thread-safe. */
public interface SentenceEncoder extends AutoCloseable {
  EncoderIdentity identity();

  /** Embeds the texts in order, batching as the implementation sees fit. */
  float[][] embed(List<String> texts, Progress progress);

  default float[][] embed(List<String> texts) {
    return embed(texts, Progress.NONE);
  }

  default float[] embed(String text) {
    return embed(List.of(text), Progress.NONE)[0];
  }

  @Override
  void close();
}
