package dev.scalpel.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.data.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
  @TempDir Path dir;

  @Test
  void readsDocumentsRecursivelyInPathOrderAndSkipsOtherAndHiddenFiles() throws IOException {
    TestKb.write(dir);
    Files.writeString(dir.resolve("questions.jsonl"), "{\"question\":\"x\"}\n");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/notes.md"), "# Hidden\n\nnot indexed\n");
    Files.writeString(dir.resolve(".draft.md"), "# Draft\n\nnot indexed\n");

    Corpus corpus = Corpus.read(dir, SplitOptions.defaults());

    assertThat(corpus.documents()).containsExactly("battery.md", "returns.md", "stores/hours.txt");
    assertThat(corpus.passages())
        .extracting(Passage::id)
        .containsExactly(
            "battery.md#1", "battery.md#2", "returns.md#1", "returns.md#2", "stores/hours.txt#1");
    assertThat(Corpus.read(dir, SplitOptions.defaults())).isEqualTo(corpus);
  }

  @Test
  void anEmptyFolderIsAnError() {
    assertThatThrownBy(() -> Corpus.read(dir, SplitOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(dir + ": no documents to index (expected .md, .markdown or .txt files)");
  }

  @Test
  void documentsWithoutTextAreAnError() throws IOException {
    Files.writeString(dir.resolve("empty.md"), "# Nothing here\n");

    assertThatThrownBy(() -> Corpus.read(dir, SplitOptions.defaults()))
        .hasMessage(dir + ": the 1 documents found contain no text");
  }

  @Test
  void aMissingFolderOrAFileIsAnError() throws IOException {
    Path file = Files.writeString(dir.resolve("a.md"), "# A\n\ntext\n");

    assertThatThrownBy(() -> Corpus.read(dir.resolve("nope"), SplitOptions.defaults()))
        .hasMessage(dir.resolve("nope") + ": folder not found");
    assertThatThrownBy(() -> Corpus.read(file, SplitOptions.defaults()))
        .hasMessage(file + ": not a folder (expected a folder of .md or .txt documents)");
  }

  @Test
  void aFileThatIsNotUtf8IsNamed() throws IOException {
    Path latin1 = dir.resolve("prices.md");
    Files.write(latin1, new byte[] {'#', ' ', 'P', '\n', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});

    assertThatThrownBy(() -> Corpus.read(dir, SplitOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(latin1 + ":3: invalid UTF-8 (byte 0xE9 at offset 8); save the file as UTF-8");
  }
}
