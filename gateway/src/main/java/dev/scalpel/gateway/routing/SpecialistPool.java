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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The specialists a gateway serves with, sharing one sentence encoder: a request's embedding is
 * computed once and handed to every specialist; several specialists score it concurrently.
 */
public final class SpecialistPool implements AutoCloseable {
  private final Map<String, Specialist> specialists;
  private final SharedEncoder shared;
  // Scoring is a little CPU work per specialist; virtual threads let a composed request use every
  // core without a pool to size.
  private final ExecutorService scorers = Executors.newVirtualThreadPerTaskExecutor();

  private SpecialistPool(Map<String, Specialist> specialists, SharedEncoder shared) {
    this.specialists = specialists;
    this.shared = shared;
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
    return new SpecialistPool(Map.copyOf(loaded), shared);
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

  /**
   * Every specialist's prediction for {@code text}, in configuration order; the embedding is
   * computed once, and with several specialists they score concurrently.
   */
  public Map<String, Prediction> classify(String text) {
    return score(text).predictions();
  }

  /**
   * The encoder the specialists share, opened now if no model needed it (a knowledge base does).
   */
  public SentenceEncoder encoder() {
    return shared.get();
  }

  /** Every specialist's prediction for {@code text} and the embedding they shared (or null). */
  public Scored score(String text) {
    SentenceEncoder encoder = shared.encoder;
    float[] embedding = encoder == null ? null : encoder.embed(text);
    return new Scored(predict(text, embedding), embedding);
  }

  /** Predictions by specialist name and the request's embedding (null when no encoder is open). */
  public record Scored(Map<String, Prediction> predictions, float[] embedding) {}

  private Map<String, Prediction> predict(String text, float[] embedding) {
    Map<String, Prediction> predictions = new LinkedHashMap<>();
    if (specialists.size() == 1) {
      Map.Entry<String, Specialist> only = specialists.entrySet().iterator().next();
      predictions.put(only.getKey(), scoreOne(only.getValue(), text, embedding));
      return predictions;
    }
    Map<String, Future<Prediction>> running = new LinkedHashMap<>();
    specialists.forEach(
        (name, s) -> running.put(name, scorers.submit(() -> scoreOne(s, text, embedding))));
    running.forEach((name, future) -> predictions.put(name, join(name, future)));
    return predictions;
  }

  private static Prediction scoreOne(Specialist s, String text, float[] embedding) {
    return s.classify(text, s.info().features().useEmbeddings() ? embedding : null);
  }

  private static Prediction join(String name, Future<Prediction> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("specialist '" + name + "' failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while specialist '" + name + "' scored");
    }
  }

  @Override
  public void close() {
    scorers.close();
    shared.close();
  }

  /** Opens the built-in encoder on first need. */
  private static final class SharedEncoder {
    private volatile SentenceEncoder encoder;

    synchronized SentenceEncoder get() {
      if (encoder == null) {
        encoder = Encoders.open(EncoderSpec.DEFAULT);
      }
      return encoder;
    }

    synchronized void close() {
      if (encoder != null) {
        encoder.close();
      }
    }
  }
}
