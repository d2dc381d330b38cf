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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A BERT-style sentence encoder on ONNX Runtime. Texts are tokenized, sorted by length and run in
 * padded batches (short intent texts waste little padding that way), then pooled and L2-normalized.
 */
final class OnnxSentenceEncoder implements SentenceEncoder {
  private static final int MAX_TOKENS = 256;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final Pooling pooling;
  private final boolean needsTokenTypes;
  private final EncoderIdentity identity;

  private OnnxSentenceEncoder(
      String name,
      String sha256,
      OrtEnvironment environment,
      OrtSession session,
      HuggingFaceTokenizer tokenizer,
      Pooling pooling) {
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    this.pooling = pooling;
    this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
    int dimension = runEncoded(new Encoding[] {tokenizer.encode("dimension probe")})[0].length;
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
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = environment.createSession(model, options);
      Set<String> inputs = session.getInputNames();
      if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
        throw new EncoderException(
            name
                + ": expected a BERT-style ONNX model with inputs input_ids and attention_mask, found "
                + inputs);
      }
      return new OnnxSentenceEncoder(name, sha256(model), environment, session, tokenizer, pooling);
    } catch (OrtException | EncoderException e) {
      closeQuietly(session);
      tokenizer.close();
      throw e instanceof EncoderException ee
          ? ee
          : new EncoderException(name + ": cannot load the ONNX model: " + e.getMessage(), e);
    }
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
    progress.start("embedding with " + identity.name(), texts.size());
    for (int i = 0; i < texts.size(); i++) {
      result[i] = runEncoded(new Encoding[] {tokenizer.encode(texts.get(i))})[0];
      progress.advance(1);
    }
    progress.finish();
    return result;
  }

  private float[][] runEncoded(Encoding[] batch) {
    int rows = batch.length;
    int width = 0;
    for (Encoding e : batch) {
      width = Math.max(width, e.getIds().length);
    }
    long[] ids = new long[rows * width];
    long[] mask = new long[rows * width];
    long[] types = new long[rows * width];
    for (int r = 0; r < rows; r++) {
      long[] rowIds = batch[r].getIds();
      long[] rowMask = batch[r].getAttentionMask();
      long[] rowTypes = batch[r].getTypeIds();
      System.arraycopy(rowIds, 0, ids, r * width, rowIds.length);
      System.arraycopy(rowMask, 0, mask, r * width, rowMask.length);
      System.arraycopy(rowTypes, 0, types, r * width, rowTypes.length);
    }
    long[] shape = {rows, width};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      inputs.put(
          "attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (needsTokenTypes) {
        inputs.put(
            "token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
      }
      try (OrtSession.Result output = session.run(inputs)) {
        Object value = output.get(0).getValue();
        return switch (value) {
          case float[][][] tokens -> pool(tokens, mask, width);
          case float[][] sentences -> normalizeAll(sentences);
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
    try {
      session.close();
    } catch (OrtException e) {
      throw new EncoderException("cannot close the ONNX session: " + e.getMessage(), e);
    } finally {
      tokenizer.close();
    }
  }
}
