package dev.scalpel.cli;

import dev.scalpel.embed.CachedEncoder;
import dev.scalpel.embed.EmbeddingCache;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.learn.EncoderProvider;
import java.nio.file.Path;

/**
 * The sentence encoder registry commands need to load or retrain a model, opened on first use
 * (n-gram-only models never open it) with the data directory's embedding cache, and closed (the
 * cache flushed) when the command ends.
 */
final class RegistryEncoders implements EncoderProvider, AutoCloseable {
  private final EncoderOptions options;
  private final Path cache;
  private CachedEncoder encoder;

  RegistryEncoders(EncoderOptions options, Path cache) {
    this.options = options;
    this.cache = cache;
  }

  @Override
  public synchronized SentenceEncoder encoderFor(EncoderIdentity identity) {
    if (encoder == null) {
      SentenceEncoder raw = options.openFor(identity);
      encoder = CachedEncoder.create(raw, EmbeddingCache.open(cache, raw.identity()));
    }
    return encoder;
  }

  @Override
  public synchronized void close() {
    if (encoder != null) {
      encoder.close();
    }
  }
}
