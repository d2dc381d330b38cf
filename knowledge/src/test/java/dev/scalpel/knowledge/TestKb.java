package dev.scalpel.knowledge;

import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small knowledge base written by the tests, and encoders that lend or bend the real one. */
final class TestKb {
  static final Map<String, String> DOCUMENTS =
      Map.of(
          "returns.md",
          """
          # Returns

          ## Return window

          You can send back any item within 30 days of delivery for a full refund, as long as it is
          unused and in its original packaging.

          ## Refund timing

          Once the parcel reaches our warehouse we inspect it within 3 working days, and the money
          is paid back to the original payment method within 5 working days after that.
          """,
          "battery.md",
          """
          # Battery

          ## Range

          A fully charged 500 Wh battery takes you 60 to 110 km, depending on assistance level,
          hills, wind, tyre pressure and temperature. Cold weather lowers the range.

          ## Charging

          Charge indoors between 10 and 30 degrees Celsius. A full charge takes about 4 hours with
          the standard 4 A charger.
          """,
          "stores/hours.txt",
          """
          Our stores are open Monday to Friday from 9:00 to 19:00 and on Saturday from 10:00 to 17:00.

          The workshop closes one hour before the store.
          """);

  private TestKb() {}

  /** Writes the documents into {@code folder} and returns it. */
  static Path write(Path folder) throws IOException {
    for (Map.Entry<String, String> doc : DOCUMENTS.entrySet()) {
      Path file = folder.resolve(doc.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, doc.getValue());
    }
    return folder;
  }

  /**
   * Lends a shared encoder without letting the borrower close it, optionally under another name.
   */
  record Lent(SentenceEncoder encoder, EncoderIdentity identity) implements SentenceEncoder {
    Lent(SentenceEncoder encoder) {
      this(encoder, encoder.identity());
    }

    @Override
    public float[][] embed(List<String> texts, Progress progress) {
      return encoder.embed(texts, progress);
    }

    @Override
    public void close() {}
  }

  /** Embeds its first {@code calls} batches, then fails, like a crash in the middle of indexing. */
  static final class FailingAfter implements SentenceEncoder {
    private final SentenceEncoder encoder;
    private int calls;

    FailingAfter(SentenceEncoder encoder, int calls) {
      this.encoder = encoder;
      this.calls = calls;
    }

    @Override
    public EncoderIdentity identity() {
      return encoder.identity();
    }

    @Override
    public float[][] embed(List<String> texts, Progress progress) {
      if (calls-- <= 0) {
        throw new IllegalStateException("encoder died");
      }
      return encoder.embed(texts, progress);
    }

    @Override
    public void close() {}
  }
}
