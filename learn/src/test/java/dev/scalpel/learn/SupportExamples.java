package dev.scalpel.learn;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.ReadOptions;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.SentenceEncoder;
import java.nio.file.Path;
import java.util.List;

/** The example support data of the repository, and an encoder stand-in for identity checks. */
final class SupportExamples {
  static final Path FOLDER = Path.of("../examples/support");

  private SupportExamples() {}

  static Dataset read(String file) {
    return DatasetReader.read(FOLDER.resolve(file), ReadOptions.defaults());
  }

  /**
   * The real encoder under another identity (as if the model had been trained with another
   * encoder). Closing it leaves the wrapped encoder open.
   */
  static final class Disguised implements SentenceEncoder {
    private final SentenceEncoder encoder;
    private final EncoderIdentity identity;
    boolean closed;

    Disguised(SentenceEncoder encoder, EncoderIdentity identity) {
      this.encoder = encoder;
      this.identity = identity;
    }

    @Override
    public EncoderIdentity identity() {
      return identity;
    }

    @Override
    public float[][] embed(List<String> texts, Progress progress) {
      return encoder.embed(texts, progress);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
