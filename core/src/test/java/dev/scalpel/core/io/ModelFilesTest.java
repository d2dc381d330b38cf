package dev.scalpel.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model file container: round trip, and clear failures on damaged or foreign files. */
class ModelFilesTest {
  private static final String MAGIC_HEX = "5343414c50454c1a";
  private static final int HEADER_LENGTH = 12;
  private static final int FOOTER_LENGTH = 12;

  @TempDir Path dir;

  private static ModelArtifact artifact() {
    Map<String, byte[]> sections = new LinkedHashMap<>();
    sections.put("weights", FloatArrays.toBytes(new float[] {0.5f, -1.25f, Float.MIN_VALUE}));
    sections.put("empty", new byte[0]);
    sections.put("vocab", "caf\u00e9\nna\u00efve".getBytes(StandardCharsets.UTF_8));
    return new ModelArtifact(
        "{\"labels\":[\"greeting\",\"farewell\"],\"note\":\"\u00fcber \u20ac\"}", sections);
  }

  @Test
  void sectionNamesOutsideAsciiSurviveTheRoundTrip() {
    Map<String, byte[]> sections = new java.util.LinkedHashMap<>();
    sections.put("weights\uD83D\uDE00", new byte[] {1});
    sections.put("a\u0000b", new byte[] {2});
    ModelArtifact decoded =
        ModelFiles.decode(
            dir.resolve("names.scalpel"), ModelFiles.encode(new ModelArtifact("{}", sections)));

    assertThat(decoded.sections().keySet()).containsExactly("weights\uD83D\uDE00", "a\u0000b");
  }

  @Test
  void roundTripKeepsMetadataAndSectionsInOrder() {
    Path file = dir.resolve("intent.scalpel");
    ModelArtifact written = artifact();

    ModelFiles.write(file, written);
    ModelArtifact read = ModelFiles.read(file);

    assertThat(read.metadataJson()).isEqualTo(written.metadataJson());
    assertThat(read.sections().keySet()).containsExactly("weights", "empty", "vocab");
    for (String name : written.sections().keySet()) {
      assertThat(read.section(name)).as(name).isEqualTo(written.section(name));
    }
    assertThat(FloatArrays.fromBytes(read.section("weights")))
        .containsExactly(0.5f, -1.25f, Float.MIN_VALUE);
  }

  @Test
  void artifactWithoutSectionsRoundTrips() {
    Path file = dir.resolve("empty.scalpel");

    ModelFiles.write(file, new ModelArtifact("{}", Map.of()));

    ModelArtifact read = ModelFiles.read(file);
    assertThat(read.metadataJson()).isEqualTo("{}");
    assertThat(read.sections()).isEmpty();
  }

  @Test
  void writeProducesExactlyTheEncodedBytes() throws IOException {
    Path file = dir.resolve("intent.scalpel");

    ModelFiles.write(file, artifact());

    assertThat(Files.readAllBytes(file)).isEqualTo(ModelFiles.encode(artifact()));
  }

  @Test
  void everyTruncationIsRefusedWithAClearMessage() throws IOException {
    byte[] whole = ModelFiles.encode(artifact());
    Path file = dir.resolve("cut.scalpel");

    for (int length = 0; length < whole.length; length++) {
      Files.write(file, Arrays.copyOf(whole, length));
      String expected;
      if (length < 8) {
        expected = "not a Scalpel model file (expected magic " + MAGIC_HEX + ", found ";
      } else if (length < HEADER_LENGTH + FOOTER_LENGTH) {
        expected = "truncated (only " + length + " bytes)";
      } else {
        expected = "truncated or corrupted (checksum mismatch: expected ";
      }
      assertThatThrownBy(() -> ModelFiles.read(file))
          .as("file cut to %d of %d bytes", length, whole.length)
          .isInstanceOf(ModelFormatException.class)
          .hasMessageStartingWith(file + ": " + expected);
    }
  }

  @Test
  void everyFlippedBitIsRefused() {
    byte[] whole = ModelFiles.encode(artifact());
    Path file = dir.resolve("flipped.scalpel");

    for (int at = 0; at < whole.length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] damaged = whole.clone();
        damaged[at] ^= (byte) (1 << bit);
        String expected;
        if (at < 8) {
          expected = "not a Scalpel model file";
        } else if (at < HEADER_LENGTH) {
          // A flipped version bit reads as a newer version (which may checksum differently), or
          // fails the checksum.
          int version = ByteBuffer.wrap(damaged).getInt(8);
          expected =
              version > 1
                  ? "written by a newer Scalpel, or corrupted"
                  : "truncated or corrupted (checksum mismatch";
        } else {
          expected = "truncated or corrupted (checksum mismatch";
        }
        assertThatThrownBy(() -> ModelFiles.decode(file, damaged))
            .as("bit %d of byte %d flipped", bit, at)
            .isInstanceOf(ModelFormatException.class)
            .hasMessageStartingWith(file + ": " + expected);
      }
    }
  }

  @Test
  void checksumMismatchNamesBothChecksums() {
    byte[] damaged = ModelFiles.encode(artifact());
    damaged[HEADER_LENGTH + 5] ^= 0x01;
    Path file = dir.resolve("flipped.scalpel");
    long stored = ByteBuffer.wrap(damaged).getLong(damaged.length - 8);
    CRC32C crc = new CRC32C();
    crc.update(damaged, 0, damaged.length - FOOTER_LENGTH);

    assertThatThrownBy(() -> ModelFiles.decode(file, damaged))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            String.format(
                "%s: truncated or corrupted (checksum mismatch: expected %016x, found %016x);"
                    + " retrain or restore the file",
                file, stored, crc.getValue()));
  }

  @Test
  void foreignFileIsNotAScalpelModel() throws IOException {
    Path file =
        Files.write(dir.resolve("model.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1});

    assertThatThrownBy(() -> ModelFiles.read(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            file
                + ": not a Scalpel model file (expected magic "
                + MAGIC_HEX
                + ", found 504b030414000000)");
  }

  @Test
  void emptyFileIsNotAScalpelModel() throws IOException {
    Path file = Files.write(dir.resolve("empty.scalpel"), new byte[0]);

    assertThatThrownBy(() -> ModelFiles.read(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": not a Scalpel model file (expected magic " + MAGIC_HEX + ", found )");
  }

  @Test
  void newerFormatVersionAsksForAnUpgrade() throws IOException {
    // A genuine newer file: version bumped and the checksum recomputed, as a newer writer would.
    byte[] bytes = ModelFiles.encode(artifact());
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    buffer.putInt(8, ModelFiles.FORMAT_VERSION + 1);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - FOOTER_LENGTH);
    buffer.putLong(bytes.length - 8, crc.getValue());
    Path file = Files.write(dir.resolve("future.scalpel"), bytes);

    assertThatThrownBy(() -> ModelFiles.read(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            file
                + ": written by a newer Scalpel (model format "
                + (ModelFiles.FORMAT_VERSION + 1)
                + ", this version reads up to "
                + ModelFiles.FORMAT_VERSION
                + "); upgrade Scalpel to load it");
  }

  @Test
  void newerFormatVersionIsReportedBeforeTheChecksum() throws IOException {
    byte[] bytes = ModelFiles.encode(artifact());
    ByteBuffer.wrap(bytes).putInt(8, ModelFiles.FORMAT_VERSION + 1);
    Path file = Files.write(dir.resolve("future.scalpel"), bytes);

    assertThatThrownBy(() -> ModelFiles.read(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("newer");
  }

  @Test
  void sectionOverrunningTheFileIsCorruptedEvenWithAValidChecksum() {
    byte[] bytes = ModelFiles.encode(new ModelArtifact("{}", Map.of("w", new byte[] {1, 2, 3})));
    // Layout: header 12, metadata length 4 + 2, section count 4, name length 4 + 1, then the
    // section length.
    int lengthAt = HEADER_LENGTH + 4 + 2 + 4 + 4 + 1;
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    assertThat(buffer.getLong(lengthAt)).isEqualTo(3);
    buffer.putLong(lengthAt, 1_000);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - FOOTER_LENGTH);
    buffer.putLong(bytes.length - 8, crc.getValue());
    Path file = dir.resolve("overrun.scalpel");

    assertThatThrownBy(() -> ModelFiles.decode(file, bytes))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": corrupted (section 'w' overruns the file)");
  }

  @Test
  void missingFileIsReported() {
    Path file = dir.resolve("absent.scalpel");

    assertThatThrownBy(() -> ModelFiles.read(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": file not found");
  }
}
