package dev.scalpel.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of line-aligned {@code seq.in} and {@code label} files. */
class SeqInFolderFormatTest {
  @TempDir Path dir;

  private Path folder(String texts, String labels) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("train"));
    Files.writeString(folder.resolve("seq.in"), texts);
    Files.writeString(folder.resolve("label"), labels);
    return folder;
  }

  @Test
  void pairsTextAndLabelLinesInOrder() throws IOException {
    Path folder =
        folder("hello there\nhey, you\nbye\nsee you\n", "greeting\ngreeting\nfarewell\nfarewell\n");

    Dataset dataset = DatasetReader.read(folder, ReadOptions.defaults());

    Path texts = folder.resolve("seq.in");
    assertThat(dataset.source()).isEqualTo(texts.toString());
    assertThat(dataset.examples())
        .containsExactly(
            new Example("hello there", "greeting", 1),
            new Example("hey, you", "greeting", 2),
            new Example("bye", "farewell", 3),
            new Example("see you", "farewell", 4));
    assertThat(dataset.warnings()).isEmpty();
  }

  @Test
  void lineAlignedBlankPairsAndTrailingBlankLinesAreSkipped() throws IOException {
    Path folder = folder("hello\n\nhey\n\n\n", "greeting\n\ngreeting\n");

    Dataset dataset = DatasetReader.read(folder, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(new Example("hello", "greeting", 1), new Example("hey", "greeting", 3));
  }

  @Test
  void windowsLineEndingsAreAccepted() throws IOException {
    Path folder = folder("hello\r\nhey\r\n", "greeting\r\ngreeting\r\n");

    Dataset dataset = DatasetReader.read(folder, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(new Example("hello", "greeting", 1), new Example("hey", "greeting", 2));
  }

  @Test
  void moreTextsThanLabelsNamesBothCountsAndTheFirstUnpairedLine() throws IOException {
    Path folder = folder("hello\nhey\nbye\n", "greeting\ngreeting\n");

    Path labels = folder.resolve("label");
    assertThatThrownBy(() -> DatasetReader.read(folder, ReadOptions.defaults()))
        .isInstanceOfSatisfying(
            DataFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo(labels);
              assertThat(e.line()).isEqualTo(3);
            })
        .hasMessage(
            labels + ":3: seq.in has 3 lines but label has 2 (expected one label per text line)");
  }

  @Test
  void moreLabelsThanTextsIsAlsoAMismatch() throws IOException {
    Path folder = folder("hello\n", "greeting\ngreeting\nfarewell\n");

    Path labels = folder.resolve("label");
    assertThatThrownBy(() -> DatasetReader.read(folder, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            labels + ":2: seq.in has 1 lines but label has 3 (expected one label per text line)");
  }

  @Test
  void textWithoutItsLabelIsAnEmptyLabel() throws IOException {
    Path folder = folder("hello\nhey\nbye\n", "greeting\n   \nfarewell\n");

    assertThatThrownBy(() -> DatasetReader.read(folder, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(folder.resolve("seq.in") + ":2: empty label (every example needs one)");
  }

  @Test
  void folderWithoutTheLabelFileSaysWhichFileIsMissing() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("train"));
    Files.writeString(folder.resolve("seq.in"), "hello\n");

    assertThatThrownBy(() -> DatasetReader.read(folder, ReadOptions.defaults()))
        .isInstanceOfSatisfying(
            DataFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo(folder);
              assertThat(e.line()).isZero();
            })
        .hasMessage(
            folder
                + ": a dataset folder needs the line-aligned files seq.in and label; missing"
                + " label");
  }

  @Test
  void folderWithoutSeqInSaysSo() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("train"));
    Files.writeString(folder.resolve("label"), "greeting\n");

    assertThatThrownBy(() -> DatasetReader.read(folder, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            folder
                + ": a dataset folder needs the line-aligned files seq.in and label; missing"
                + " seq.in");
  }

  @Test
  void emptyFilesHaveNoExamples() throws IOException {
    Path folder = folder("", "");

    assertThatThrownBy(() -> DatasetReader.read(folder, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            folder.resolve("seq.in")
                + ": no examples found (expected at least one row with a text and a label)");
  }
}
