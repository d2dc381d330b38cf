package dev.scalpel.embed;

import java.nio.file.Path;

/**
 * Where an encoder comes from: one that ships inside Scalpel's dependencies, or an ONNX model and a
 * HuggingFace {@code tokenizer.json} that the operator points to (for example a multilingual
 * model).
 */
public sealed interface EncoderSpec {
  /** The default encoder: bge-small-en-v1.5, int8-quantized, shipped in a Maven artifact. */
  EncoderSpec DEFAULT = new Builtin(Builtin.BGE_SMALL_EN_V15_Q);

  /** A human-readable name, stored in model files. */
  String name();

  /** An encoder whose weights ship on the classpath. */
  record Builtin(String name) implements EncoderSpec {
    public static final String BGE_SMALL_EN_V15_Q = "bge-small-en-v1.5-q";

    public Builtin {
      if (!BGE_SMALL_EN_V15_Q.equals(name)) {
        throw new IllegalArgumentException(
            "unknown built-in encoder '" + name + "' (available: " + BGE_SMALL_EN_V15_Q + ")");
      }
    }
  }

  /** An operator-supplied ONNX model and tokenizer file. */
  record Local(Path model, Path tokenizer, Pooling pooling) implements EncoderSpec {
    public Local {
      if (model == null || tokenizer == null || pooling == null) {
        throw new IllegalArgumentException("model, tokenizer and pooling are required");
      }
    }

    @Override
    public String name() {
      return model.getFileName().toString();
    }
  }
}
