package dev.scalpel.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.scalpel.core.progress.Progress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.LongBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A BERT-style sentence encoder on ONNX Runtime: tokenize, run, pool, L2-normalize.
 *
 * <p>Every text runs on its own, never in a padded batch: int8 models quantize activations
 * dynamically with one scale per run, so a text's vector would depend on the other texts of its
 * batch (cosine down to 0.989 on the built-in model). One text per run makes a vector a function of
 * its text alone, the same in training, in the embedding cache and in serving.
 *
 * <p>A single text runs on a session that uses every core (lowest latency); a list runs on a
 * single-threaded session shared by one worker per core (highest throughput: about 1.7 times the
 * texts per second of one multi-threaded session on 2 cores). The integer kernels make both give
 * the same vector.
 */
final class OnnxSentenceEncoder implements SentenceEncoder {
  private static final int MAX_TOKENS = 256;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final OrtSession parallelSession;
  private final ExecutorService workers;
  private final int workerCount;
  private final HuggingFaceTokenizer tokenizer;
  private final Pooling pooling;
  private final boolean needsTokenTypes;
  private final EncoderIdentity identity;

  private OnnxSentenceEncoder(
      String name,
      String sha256,
      OrtEnvironment environment,
      OrtSession session,
      OrtSession parallelSession,
      HuggingFaceTokenizer tokenizer,
      Pooling pooling) {
    this.environment = environment;
    this.session = session;
    this.parallelSession = parallelSession;
    this.workerCount = Runtime.getRuntime().availableProcessors();
    this.workers =
        Executors.newFixedThreadPool(
            workerCount, Thread.ofPlatform().daemon().name("scalpel-encoder-", 0).factory());
    this.tokenizer = tokenizer;
    this.pooling = pooling;
    this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
    int dimension = run(session, tokenizer.encode("dimension probe")).length;
    this.identity = new EncoderIdentity(name, sha256, dimension, pooling);
  }

  static OnnxSentenceEncoder create(
      String name, byte[] model, byte[] tokenizerJson, Pooling pooling) {
    HuggingFaceTokenizer tokenizer;
    try {
      tokenizer =
          HuggingFaceTokenizer.newInstance(
              new ByteArrayInputStream(tokenizerJson),
              Map.of(
                  "truncation",
                  "true",
                  "maxLength",
                  Integer.toString(MAX_TOKENS),
                  "padding",
                  "false"));
    } catch (IOException | RuntimeException e) {
      throw new EncoderException(name + ": cannot load the tokenizer: " + e.getMessage(), e);
    }
    OrtSession session = null;
    OrtSession parallelSession = null;
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      session =
          environment.createSession(
              model, options(Math.max(1, Runtime.getRuntime().availableProcessors())));
      parallelSession = environment.createSession(model, options(1));
      Set<String> inputs = session.getInputNames();
      if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
        throw new EncoderException(
            name
                + ": expected a BERT-style ONNX model with inputs input_ids and attention_mask, found "
                + inputs);
      }
      return new OnnxSentenceEncoder(
          name, sha256(model), environment, session, parallelSession, tokenizer, pooling);
    } catch (OrtException | EncoderException e) {
      closeQuietly(session);
      closeQuietly(parallelSession);
      tokenizer.close();
      throw e instanceof EncoderException ee
          ? ee
          : new EncoderException(name + ": cannot load the ONNX model: " + e.getMessage(), e);
    }
  }

  private static OrtSession.SessionOptions options(int threads) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(threads);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    return options;
  }

  private static void closeQuietly(OrtSession session) {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (OrtException e) {
      // Already failing to load; the load error is the one worth reporting.
    }
  }

  @Override
  public EncoderIdentity identity() {
    return identity;
  }

  @Override
  public float[][] embed(List<String> texts, Progress progress) {
    float[][] result = new float[texts.size()][];
    if (texts.size() == 1) {
      result[0] = run(session, tokenizer.encode(texts.getFirst()));
      return result;
    }
    progress.start("embedding with " + identity.name(), texts.size());
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < Math.min(workerCount, texts.size()); w++) {
      running.add(
          workers.submit(() -> {
            for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
              result[i] = run(parallelSession, tokenizer.encode(texts.get(i)));
              synchronized (progress) {
                progress.advance(1);
              }
            }
          }));
    }
    for (Future<?> f : running) {
      await(f);
    }
    progress.finish();
    return result;
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EncoderException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new EncoderException("embedding failed: " + e.getCause(), e.getCause());
    }
  }

  /** Runs one text: a batch of one, so its vector does not depend on other texts. */
  private float[] run(OrtSession onSession, Encoding encoding) {
    long[] ids = encoding.getIds();
    long[] mask = encoding.getAttentionMask();
    long[] types = encoding.getTypeIds();
    int width = ids.length;
    long[] shape = {1, width};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      inputs.put(
          "attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (needsTokenTypes) {
        inputs.put(
            "token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
      }
      try (OrtSession.Result output = onSession.run(inputs)) {
        Object value = output.get(0).getValue();
        return switch (value) {
          case float[][][] tokens -> pool(tokens, mask, width)[0];
          case float[][] sentences -> normalizeAll(sentences)[0];
          default ->
              throw new EncoderException(
                  "unexpected ONNX output type "
                      + value.getClass().getSimpleName()
                      + " (expected token or sentence vectors)");
        };
      }
    } catch (OrtException e) {
      throw new EncoderException("encoder run failed: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private float[][] pool(float[][][] tokens, long[] mask, int width) {
    float[][] sentences = new float[tokens.length][];
    for (int r = 0; r < tokens.length; r++) {
      if (pooling == Pooling.CLS) {
        sentences[r] = tokens[r][0].clone();
      } else {
        int dimension = tokens[r][0].length;
        float[] sum = new float[dimension];
        int count = 0;
        for (int t = 0; t < tokens[r].length; t++) {
          if (mask[r * width + t] == 0) {
            continue;
          }
          count++;
          for (int d = 0; d < dimension; d++) {
            sum[d] += tokens[r][t][d];
          }
        }
        for (int d = 0; d < dimension; d++) {
          sum[d] /= Math.max(1, count);
        }
        sentences[r] = sum;
      }
    }
    return normalizeAll(sentences);
  }

  private static float[][] normalizeAll(float[][] vectors) {
    for (float[] v : vectors) {
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
      for (int i = 0; i < v.length; i++) {
        v[i] *= scale;
      }
    }
    return vectors;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    try {
      session.close();
      parallelSession.close();
    } catch (OrtException e) {
      throw new EncoderException("cannot close the ONNX session: " + e.getMessage(), e);
    } finally {
      tokenizer.close();
    }
  }
}
