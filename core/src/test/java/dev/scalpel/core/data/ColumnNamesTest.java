package dev.scalpel.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the text and label columns of a CSV/TSV header are found. */
class ColumnNamesTest {
  @TempDir Path dir;

  private Path csv(String header, String... rows) throws IOException {
    return Files.writeString(
        dir.resolve("train.csv"), header + "\n" + String.join("\n", rows) + "\n");
  }

  @ParameterizedTest(name = "[{index}] {0} / {1}")
  @CsvSource({
    "text, label",
    "sentence, intent",
    "utterance, category",
    "query, label",
    "TEXT, LABEL",
    "Sentence, Intent",
    "UtTeRaNcE, CaTeGoRy",
    "Query, INTENT",
  })
  void commonColumnNamesAreFoundInAnyCase(String textName, String labelName) throws IOException {
    Path file = csv("id," + textName + "," + labelName, "1,hello,greeting", "2,hey,greeting");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(new Example("hello", "greeting", 2), new Example("hey", "greeting", 3));
  }

  @Test
  void labelColumnMayComeBeforeTheTextColumn() throws IOException {
    Path file = csv("intent,utterance", "greeting,hello", "greeting,hey");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(new Example("hello", "greeting", 2), new Example("hey", "greeting", 3));
  }

  @Test
  void headerNamesAreMatchedAfterStrippingSpaces() throws IOException {
    Path file = csv("  Text  ,\tLabel ", "hello,greeting", "hey,greeting");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.texts()).containsExactly("hello", "hey");
  }

  @Test
  void headerAfterAByteOrderMarkIsStillFound() throws IOException {
    Path file = csv("\uFEFFtext,label", "hello,greeting", "hey,greeting");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.texts()).containsExactly("hello", "hey");
  }

  @Test
  void explicitColumnsOverrideTheCommonNamesCaseInsensitively() throws IOException {
    Path file =
        csv(
            "text,label,Message,Tag",
            "ignored,ignored,hello,greeting",
            "ignored,ignored,bye,farewell",
            "ignored,ignored,hey,greeting");

    Dataset dataset =
        DatasetReader.read(
            file, ReadOptions.defaults().withTextColumn("message").withLabelColumn(" TAG "));

    assertThat(dataset.examples())
        .containsExactly(
            new Example("hello", "greeting", 2),
            new Example("bye", "farewell", 3),
            new Example("hey", "greeting", 4));
  }

  @Test
  void explicitColumnsWorkForTsvToo() throws IOException {
    Path file =
        Files.writeString(dir.resolve("train.tsv"), "body\tkind\nhello\tgreeting\nhey\tgreeting\n");

    Dataset dataset =
        DatasetReader.read(
            file, ReadOptions.defaults().withTextColumn("body").withLabelColumn("kind"));

    assertThat(dataset.texts()).containsExactly("hello", "hey");
    assertThat(dataset.labelCounts()).containsOnlyKeys("greeting");
  }

  @Test
  void missingTextColumnListsTheCommonNamesAndTheHeader() throws IOException {
    Path file = csv("message,label", "hello,greeting");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isEqualTo(1))
        .hasMessage(
            file
                + ":1: no text column: expected a header with one of"
                + " [text, sentence, utterance, query] (or name it with --text-column),"
                + " found [message, label]");
  }

  @Test
  void missingLabelColumnListsTheCommonNamesAndTheHeader() throws IOException {
    Path file = csv("text,tag", "hello,greeting");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            file
                + ":1: no label column: expected a header with one of"
                + " [label, intent, category] (or name it with --label-column),"
                + " found [text, tag]");
  }

  @Test
  void explicitTextColumnThatIsAbsentNamesTheFlagAndTheHeader() throws IOException {
    Path file = csv("text,label", "hello,greeting");

    assertThatThrownBy(
            () -> DatasetReader.read(file, ReadOptions.defaults().withTextColumn("body")))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            file
                + ":1: no column named 'body' (given by --text-column);"
                + " the header has [text, label]");
  }

  @Test
  void explicitLabelColumnThatIsAbsentNamesTheFlagAndTheHeader() throws IOException {
    Path file = csv("text,label", "hello,greeting");

    assertThatThrownBy(
            () -> DatasetReader.read(file, ReadOptions.defaults().withLabelColumn("kind")))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            file
                + ":1: no column named 'kind' (given by --label-column);"
                + " the header has [text, label]");
  }
}
