package dev.scalpel.learn;

import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.SentenceEncoder;

/**
 * Supplies the sentence encoder a model file was trained with; the loader checks that its identity
 * matches.
 */
@FunctionalInterface
public interface EncoderProvider {
  SentenceEncoder encoderFor(EncoderIdentity identity);
}
