package dev.scalpel.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening encoders from their specs, in particular operator-supplied files. */
class EncodersTest {
  @TempDir Path dir;

  private Path copyResource(String resource, String fileName) throws IOException {
    Path target = dir.resolve(fileName);
    try (InputStream in = Encoders.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  @Test
  void missingModelFileIsNamed() {
    Path model = dir.resolve("missing/model.onnx");
    Path tokenizer = dir.resolve("missing/tokenizer.json");

    assertThatThrownBy(() -> Encoders.open(new EncoderSpec.Local(model, tokenizer, Pooling.MEAN)))
        .isInstanceOf(EncoderException.class)
        .hasMessage(model + ": encoder file not found");
  }

  @Test
  void missingTokenizerFileIsNamed() throws IOException {
    Path model = Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3});
    Path tokenizer = dir.resolve("tokenizer.json");

    assertThatThrownBy(() -> Encoders.open(new EncoderSpec.Local(model, tokenizer, Pooling.MEAN)))
        .isInstanceOf(EncoderException.class)
        .hasMessage(tokenizer + ": encoder file not found");
  }

  @Test
  void unreadableTokenizerIsReportedWithTheEncoderName() throws IOException {
    Path model = Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3});
    Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{ not a tokenizer");

    assertThatThrownBy(() -> Encoders.open(new EncoderSpec.Local(model, tokenizer, Pooling.MEAN)))
        .isInstanceOf(EncoderException.class)
        .hasMessageStartingWith("model.onnx: cannot load the tokenizer: ");
  }

  @Test
  void modelThatIsNotOnnxIsReportedWithTheEncoderName() throws IOException {
    Path model = Files.writeString(dir.resolve("model.onnx"), "this is not an ONNX graph");
    Path tokenizer = copyResource("/bge-small-en-v1.5-q-tokenizer.json", "tokenizer.json");

    assertThatThrownBy(() -> Encoders.open(new EncoderSpec.Local(model, tokenizer, Pooling.CLS)))
        .isInstanceOf(EncoderException.class)
        .hasMessageStartingWith("model.onnx: cannot load the ONNX model: ");
  }

  @Test
  void localCopyOfTheBuiltinModelHasItsHashAndVectors() throws IOException {
    Path model = copyResource("/bge-small-en-v1.5-q.onnx", "bge-copy.onnx");
    Path tokenizer = copyResource("/bge-small-en-v1.5-q-tokenizer.json", "tokenizer.json");

    try (SentenceEncoder builtin = Encoders.open(EncoderSpec.DEFAULT);
        SentenceEncoder cls = Encoders.open(new EncoderSpec.Local(model, tokenizer, Pooling.CLS));
        SentenceEncoder mean =
            Encoders.open(new EncoderSpec.Local(model, tokenizer, Pooling.MEAN))) {
      assertThat(cls.identity())
          .isEqualTo(
              new EncoderIdentity("bge-copy.onnx", builtin.identity().sha256(), 384, Pooling.CLS));
      assertThat(mean.identity().pooling()).isEqualTo(Pooling.MEAN);
      assertThat(mean.identity().sha256()).isEqualTo(builtin.identity().sha256());

      String text = "cancel my subscription";
      assertThat(cls.embed(text)).containsExactly(builtin.embed(text));
      float[] pooled = mean.embed(text);
      assertThat(pooled).hasSize(384).isNotEqualTo(builtin.embed(text));
      double norm = 0;
      for (float x : pooled) {
        norm += x * x;
      }
      assertThat(Math.sqrt(norm)).isBetween(1 - 1e-5, 1 + 1e-5);
    }
  }
}
