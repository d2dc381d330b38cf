package dev.scalpel.cli;

import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.Pooling;
import dev.scalpel.embed.SentenceEncoder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which sentence encoder to use: the built-in one, an operator-supplied ONNX model, or none. */
final class EncoderOptions {
  static final String NONE = "none";

  @Option(
      names = "--encoder",
      defaultValue = EncoderSpec.Builtin.BGE_SMALL_EN_V15_Q,
      description =
          "Sentence encoder: ${DEFAULT-VALUE} (built in), or 'none' for n-gram features only"
              + " (ignored with --encoder-model).")
  String encoder;

  @Option(
      names = "--encoder-model",
      description = "A local ONNX sentence encoder (BERT-style: input_ids, attention_mask).")
  Path model;

  @Option(
      names = "--encoder-tokenizer",
      description = "The HuggingFace tokenizer.json of --encoder-model.")
  Path tokenizer;

  @Option(
      names = "--encoder-pooling",
      defaultValue = "MEAN",
      description = "Pooling of --encoder-model: CLS or MEAN (default: ${DEFAULT-VALUE}).")
  Pooling pooling;

  boolean disabled() {
    return model == null && NONE.equalsIgnoreCase(encoder);
  }

  EncoderSpec spec() {
    if (model != null || tokenizer != null) {
      if (model == null || tokenizer == null) {
        throw new CliException("--encoder-model and --encoder-tokenizer go together; give both");
      }
      return new EncoderSpec.Local(model, tokenizer, pooling);
    }
    return new EncoderSpec.Builtin(encoder);
  }

  /**
   * Opens the encoder a model was trained with: the local one given on the command line, else the
   * built-in one.
   */
  SentenceEncoder openFor(EncoderIdentity identity) {
    if (model == null && !EncoderSpec.Builtin.BGE_SMALL_EN_V15_Q.equals(identity.name())) {
      throw new CliException(
          "the model was trained with the local encoder '"
              + identity.name()
              + "': pass it with --encoder-model and --encoder-tokenizer");
    }
    return Encoders.open(spec());
  }
}
