package dev.scalpel.bench;

import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.SentenceEncoder;
import java.util.List;

/** Lends a shared encoder to a wrapper that would close it. */
record Unclosed(SentenceEncoder encoder) implements SentenceEncoder {
  @Override
  public EncoderIdentity identity() {
    return encoder.identity();
  }

  @Override
  public float[][] embed(List<String> texts, Progress progress) {
    return encoder.embed(texts, progress);
  }

  @Override
  public void close() {}
}
