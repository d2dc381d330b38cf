package dev.scalpel.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Choosing the format: by extension, by content, or a folder. */
class DatasetReaderTest {
  @TempDir Path dir;

  private static final List<Example> EXPECTED =
      List.of(new Example("hello, world", "greeting", 2), new Example("hey", "greeting", 3));

  private static final String JSONL =
      "\n{\"text\": \"hello, world\", \"label\": \"greeting\"}\n"
          + "{\"text\": \"hey\", \"label\": \"greeting\"}\n";

  @ParameterizedTest
  @ValueSource(strings = {"train.jsonl", "train.ndjson", "train.json", "TRAIN.JSONL"})
  void jsonLinesExtensions(String name) throws IOException {
    Path file = Files.writeString(dir.resolve(name), JSONL);

    assertThat(DatasetReader.read(file, ReadOptions.defaults()).examples())
        .containsExactlyElementsOf(EXPECTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"train.tsv", "train.tab", "Train.TSV"})
  void tabSeparatedExtensions(String name) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve(name), "text\tlabel\nhello, world\tgreeting\nhey\tgreeting\n");

    assertThat(DatasetReader.read(file, ReadOptions.defaults()).examples())
        .containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void csvExtensionWinsOverTabsInTheContent() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("train.csv"), "text,label\n\"hello, world\",greeting\nhey,greeting\n");

    assertThat(DatasetReader.read(file, ReadOptions.defaults()).examples())
        .containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void fileWithoutExtensionStartingWithAnObjectIsJsonLines() throws IOException {
    Path file = Files.writeString(dir.resolve("train"), JSONL);

    assertThat(DatasetReader.read(file, ReadOptions.defaults()).examples())
        .containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void fileWithoutExtensionWithATabInTheHeaderIsTsv() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("train"), "text\tlabel\nhello, world\tgreeting\nhey\tgreeting\n");

    assertThat(DatasetReader.read(file, ReadOptions.defaults()).examples())
        .containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void fileWithUnknownExtensionAndCommasIsCsv() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("train.txt"), "text,label\n\"hello, world\",greeting\nhey,greeting\n");

    assertThat(DatasetReader.read(file, ReadOptions.defaults()).examples())
        .containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void emptyFileWithoutExtensionIsAnEmptyFile() throws IOException {
    Path file = Files.writeString(dir.resolve("train"), "");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ": empty file (expected a header row, then examples)");
  }

  @Test
  void missingFileIsReportedWithoutALine() {
    Path file = dir.resolve("nope.csv");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOfSatisfying(
            DataFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.line()).isZero();
            })
        .hasMessage(file + ": file not found");
  }

  @Test
  void directoryIsReadAsASeqInFolder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("snips"));
    Files.writeString(folder.resolve("seq.in"), "hello, world\nhey\n");
    Files.writeString(folder.resolve("label"), "greeting\ngreeting\n");

    Dataset dataset = DatasetReader.read(folder, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(
            new Example("hello, world", "greeting", 1), new Example("hey", "greeting", 2));
  }
}
