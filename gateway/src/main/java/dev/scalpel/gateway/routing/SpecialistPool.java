package dev.scalpel.gateway.routing;

import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.gateway.config.SpecialistConfig;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.Specialist;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The specialists a gateway serves with, sharing one sentence encoder: a request's embedding is
 * computed once and handed to every specialist; several specialists score it concurrently.
 */
public final class SpecialistPool implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SpecialistPool.class.getName());

  private final Map<String, SpecialistSlot> slots;
  private final SharedEncoder shared;
  // Scoring is a little CPU work per specialist; virtual threads let a composed request use every
  // core without a pool to size.
  private final ExecutorService scorers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService watcher;

  private SpecialistPool(
      Map<String, SpecialistSlot> slots, SharedEncoder shared, Duration reloadInterval) {
    this.slots = slots;
    this.shared = shared;
    boolean follows = slots.values().stream().anyMatch(SpecialistSlot::followsRegistry);
    this.watcher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("scalpel-champion-watch").daemon(true).factory());
    if (follows) {
      long ms = reloadInterval.toMillis();
      watcher.scheduleWithFixedDelay(this::refresh, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Loads every configured specialist from its model file; the built-in encoder is opened once,
   * only if a model needs it.
   */
  public static SpecialistPool load(List<SpecialistConfig> configs) {
    return load(configs, ChampionSource.Opener.NONE, Duration.ofSeconds(1));
  }

  /**
   * Loads every configured specialist; those backed by a model registry serve its champion and
   * follow it, checked every {@code reloadInterval}.
   */
  public static SpecialistPool load(
      List<SpecialistConfig> configs, ChampionSource.Opener registries, Duration reloadInterval) {
    SharedEncoder shared = new SharedEncoder();
    Map<String, SpecialistSlot> loaded = new LinkedHashMap<>();
    try {
      for (SpecialistConfig config : configs) {
        loaded.put(config.name(), SpecialistSlot.open(config, registries, shared::get));
      }
    } catch (RuntimeException e) {
      shared.close();
      throw e;
    }
    return new SpecialistPool(Collections.unmodifiableMap(loaded), shared, reloadInterval);
  }

  /**
   * Swaps in every registry champion that changed since the last check; a model that fails to load
   * is logged and the serving one stays. Runs on its own thread; callable for tests.
   */
  public void refresh() {
    slots.forEach((name, slot) -> {
      try {
        slot.refresh()
            .ifPresent(
                v -> LOG.log(System.Logger.Level.INFO, "specialist {0} now serves {1}", name, v));
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "specialist {0}: the new champion cannot be loaded, keeping {1}: {2}",
            name,
            slot.serving().version(),
            e.getMessage());
      }
    });
  }

  public List<String> names() {
    return List.copyOf(slots.keySet());
  }

  /** The model {@code name} serves now. */
  public Specialist get(String name) {
    return slot(name).serving().specialist();
  }

  /**
   * The version {@code name} serves, for the request log: the registry's version (such as {@code
   * intent-7}), or for a model file the specialist's name and the first 12 hex digits of its
   * training data hash.
   */
  public String version(String name) {
    return slot(name).serving().version();
  }

  private SpecialistSlot slot(String name) {
    SpecialistSlot s = slots.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no specialist named '" + name + "'");
    }
    return s;
  }

  public boolean isEmpty() {
    return slots.isEmpty();
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
    // One snapshot per request: a swap in the middle does not mix models within a request.
    Map<String, Specialist> now = new LinkedHashMap<>();
    slots.forEach((name, slot) -> now.put(name, slot.serving().specialist()));
    boolean needed = now.values().stream().anyMatch(s -> s.info().features().useEmbeddings());
    SentenceEncoder encoder = needed ? shared.get() : shared.encoder;
    float[] embedding = encoder == null ? null : encoder.embed(text);
    return new Scored(predict(now, text, embedding), embedding);
  }

  /** Predictions by specialist name and the request's embedding (null when no encoder is open). */
  public record Scored(Map<String, Prediction> predictions, float[] embedding) {}

  private Map<String, Prediction> predict(
      Map<String, Specialist> specialists, String text, float[] embedding) {
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
    watcher.shutdownNow();
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
