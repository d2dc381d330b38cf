package dev.scalpel.embed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens encoders from their specs. */
public final class Encoders {
  private static final String BGE_MODEL = "/bge-small-en-v1.5-q.onnx";
  private static final String BGE_TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

  private Encoders() {}

  public static SentenceEncoder open(EncoderSpec spec) {
    return switch (spec) {
      case EncoderSpec.Builtin builtin ->
          OnnxSentenceEncoder.create(
              builtin.name(), resource(BGE_MODEL), resource(BGE_TOKENIZER), Pooling.CLS);
      case EncoderSpec.Local local ->
          OnnxSentenceEncoder.create(
              local.name(), file(local.model()), file(local.tokenizer()), local.pooling());
    };
  }

  private static byte[] resource(String name) {
    try (InputStream in = Encoders.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new EncoderException(
            "the built-in encoder resource "
                + name
                + " is missing from the classpath; rebuild Scalpel");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new EncoderException("cannot read the built-in encoder resource " + name, e);
    }
  }

  private static byte[] file(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new EncoderException(path + ": encoder file not found");
    } catch (IOException e) {
      throw new EncoderException(path + ": cannot read encoder file: " + e.getMessage(), e);
    }
  }
}
