package dev.scalpel.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text files must be UTF-8; a bad byte is reported with its line and offset. */
class StrictUtf8Test {
  @TempDir Path dir;

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }

  @Test
  void invalidByteInACsvNamesItsLineAndOffset() throws IOException {
    // "text,label\n" is 11 bytes and "hello,greeting\n" 15, so the bad byte is at 11 + 15 + 4.
    Path file =
        Files.write(
            dir.resolve("train.csv"),
            bytes("text,label\nhello,greeting\nbad ", 0xFF, " byte,greeting\nok,greeting\n"));

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOfSatisfying(
            DataFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.line()).isEqualTo(3);
            })
        .hasMessage(file + ":3: invalid UTF-8 (byte 0xFF at offset 30); save the file as UTF-8");
  }

  @Test
  void latin1EncodedJsonLinesAreRefusedAtTheFirstAccentedByte() throws IOException {
    Path file =
        Files.write(
            dir.resolve("train.jsonl"),
            ("{\"text\": \"hello\", \"label\": \"greeting\"}\n"
                    + "{\"text\": \"caf\u00e9\", \"label\": \"order\"}\n")
                .getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":2: invalid UTF-8 (byte 0xE9 at offset 52); save the file as UTF-8");
  }

  @Test
  void invalidByteInSeqInNamesThatFile() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("train"));
    Path texts = Files.write(folder.resolve("seq.in"), bytes("hello\n", 0xC3, 0x28, "\n"));
    Files.writeString(folder.resolve("label"), "greeting\ngreeting\n");

    assertThatThrownBy(() -> DatasetReader.read(folder, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(texts + ":2: invalid UTF-8 (byte 0xC3 at offset 6); save the file as UTF-8");
  }

  @Test
  void sequenceCutAtTheEndOfTheFileIsInvalid() {
    Path file = dir.resolve("train.csv");
    byte[] content = bytes("text,label\nhello,greeting\nx,", 0xE2, 0x82);

    assertThatThrownBy(() -> StrictUtf8.decode(file, content))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":3: invalid UTF-8 (byte 0xE2 at offset 28); save the file as UTF-8");
  }

  @Test
  void overlongEncodingIsInvalid() {
    Path file = dir.resolve("train.csv");

    assertThatThrownBy(() -> StrictUtf8.decode(file, bytes(0xC0, 0x80)))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1: invalid UTF-8 (byte 0xC0 at offset 0); save the file as UTF-8");
  }

  @Test
  void validMultiByteTextAndSupplementaryCharactersDecode() {
    String text = "caf\u00e9 \u20ac \uD83D\uDE00 \u4E2D\u6587";

    assertThat(StrictUtf8.decode(dir.resolve("a.csv"), text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(text);
  }

  @Test
  void leadingByteOrderMarkIsDropped() {
    assertThat(StrictUtf8.decode(dir.resolve("a.csv"), bytes(0xEF, 0xBB, 0xBF, "text")))
        .isEqualTo("text");
  }
}
