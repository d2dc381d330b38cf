package dev.scalpel.gateway.routing;

import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.gateway.config.SpecialistConfig;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The specialists a gateway serves with, sharing one sentence encoder: a request's embedding is
 * computed once and handed to every specialist.
 */
public final class SpecialistPool implements AutoCloseable {
  private final Map<String, Specialist> specialists;
  private final SentenceEncoder encoder;

  private SpecialistPool(Map<String, Specialist> specialists, SentenceEncoder encoder) {
    this.specialists = specialists;
    this.encoder = encoder;
  }

  /**
   * Loads every configured specialist; the built-in encoder is opened once, only if a model needs
   * it.
   */
  public static SpecialistPool load(List<SpecialistConfig> configs) {
    SharedEncoder shared = new SharedEncoder();
    Map<String, Specialist> loaded = new LinkedHashMap<>();
    try {
      for (SpecialistConfig config : configs) {
        Specialist specialist = SpecialistFiles.load(config.model(), identity -> shared.get());
        loaded.put(
            config.name(),
            config.precisionOverride().map(specialist::withTargetPrecision).orElse(specialist));
      }
    } catch (RuntimeException e) {
      shared.close();
      throw e;
    }
    return new SpecialistPool(Map.copyOf(loaded), shared.encoder);
  }

  public List<String> names() {
    return List.copyOf(specialists.keySet());
  }

  public Specialist get(String name) {
    Specialist s = specialists.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no specialist named '" + name + "'");
    }
    return s;
  }

  /**
   * A version string for the request log: the specialist's name and the first 12 hex digits of its
   * training data hash (the model registry will supply proper version names).
   */
  public String version(String name) {
    return name + "@" + get(name).info().provenance().dataSha256().substring(0, 12);
  }

  public boolean isEmpty() {
    return specialists.isEmpty();
  }

  /** Every specialist's prediction for {@code text}, the embedding computed once. */
  public Map<String, Prediction> classify(String text) {
    float[] embedding = encoder == null ? null : encoder.embed(text);
    Map<String, Prediction> predictions = new LinkedHashMap<>();
    for (Map.Entry<String, Specialist> entry : specialists.entrySet()) {
      Specialist s = entry.getValue();
      predictions.put(
          entry.getKey(),
          s.info().features().useEmbeddings()
              ? s.classify(text, embedding)
              : s.classify(text, null));
    }
    return predictions;
  }

  @Override
  public void close() {
    if (encoder != null) {
      encoder.close();
    }
  }

  /** Opens the built-in encoder on first need. */
  private static final class SharedEncoder {
    private SentenceEncoder encoder;

    SentenceEncoder get() {
      if (encoder == null) {
        encoder = Encoders.open(EncoderSpec.DEFAULT);
      }
      return encoder;
    }

    void close() {
      if (encoder != null) {
        encoder.close();
      }
    }
  }
}
