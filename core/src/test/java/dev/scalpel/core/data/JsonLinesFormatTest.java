package dev.scalpel.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines: one object per line, read through {@link DatasetReader}. */
class JsonLinesFormatTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void readsTextAndLabelFieldsWithLineNumbersAcrossBlankLines() throws IOException {
    Path file =
        write(
            "train.jsonl",
            "{\"text\": \"hello, \\\"world\\\"\", \"label\": \"greeting\"}\n"
                + "\n"
                + "  {\"label\": \"greeting\", \"text\": \"hey\", \"id\": 7}  \r\n"
                + "{\"text\": \"bye\\nnow\", \"label\": \"farewell\"}\n"
                + "{\"text\": \"ciao\", \"label\": \"farewell\"}\n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(
            new Example("hello, \"world\"", "greeting", 1),
            new Example("hey", "greeting", 3),
            new Example("bye\nnow", "farewell", 4),
            new Example("ciao", "farewell", 5));
    assertThat(dataset.warnings()).isEmpty();
  }

  @Test
  void customFieldNamesComeFromTheColumnOptions() throws IOException {
    Path file =
        write(
            "train.jsonl",
            "{\"utterance\": \"hello\", \"intent\": \"greeting\", \"text\": \"ignored\"}\n"
                + "{\"utterance\": \"hey\", \"intent\": \"greeting\"}\n");

    Dataset dataset =
        DatasetReader.read(
            file, ReadOptions.defaults().withTextColumn("utterance").withLabelColumn("intent"));

    assertThat(dataset.examples())
        .containsExactly(new Example("hello", "greeting", 1), new Example("hey", "greeting", 2));
  }

  @Test
  void scalarLabelsAreReadAsText() throws IOException {
    Path file =
        write(
            "train.jsonl",
            "{\"text\": \"one\", \"label\": 1}\n{\"text\": \"uno\", \"label\": 1}\n"
                + "{\"text\": \"yes\", \"label\": true}\n{\"text\": \"si\", \"label\": true}\n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.labelCounts()).containsOnlyKeys("1", "true");
  }

  @Test
  void malformedLineNamesItsLine() throws IOException {
    Path file =
        write(
            "train.jsonl",
            "{\"text\": \"hello\", \"label\": \"greeting\"}\n"
                + "\n"
                + "{\"text\": \"hey\", \"label\": }\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOfSatisfying(
            DataFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.line()).isEqualTo(3);
            })
        .hasMessageStartingWith(
            file + ":3: malformed JSON (expected one object per line): Unexpected character ('}'");
  }

  @Test
  void lineCutInTheMiddleOfAnObjectIsMalformed() throws IOException {
    Path file = write("train.jsonl", "{\"text\": \"hello\",\n\"label\": \"greeting\"}\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":1: malformed JSON (expected one object per line): ");
  }

  @Test
  void lineThatIsNotAnObjectNamesWhatItFound() throws IOException {
    Path file =
        write(
            "train.jsonl",
            "{\"text\": \"hello\", \"label\": \"greeting\"}\n[\"hey\", \"greeting\"]\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":2: expected a JSON object, found ARRAY");
  }

  @Test
  void missingFieldListsTheFieldsFound() throws IOException {
    Path file =
        write(
            "train.jsonl",
            "{\"text\": \"hello\", \"label\": \"greeting\"}\n{\"text\": \"hey\", \"tag\": \"x\"}\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessage(
            file
                + ":2: missing field (one of [label, intent, category]) (found fields [text, tag])");
  }

  @Test
  void missingCustomFieldNamesTheCustomField() throws IOException {
    Path file = write("train.jsonl", "{\"text\": \"hello\", \"label\": \"greeting\"}\n");

    assertThatThrownBy(
            () -> DatasetReader.read(file, ReadOptions.defaults().withTextColumn("utterance")))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1: missing field \"utterance\" (found fields [text, label])");
  }

  @Test
  void nullFieldCountsAsMissing() throws IOException {
    Path file = write("train.jsonl", "{\"text\": null, \"label\": \"greeting\"}\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            file
                + ":1: missing field (one of [text, sentence, utterance, query])"
                + " (found fields [text, label])");
  }

  @Test
  void fieldsAreFoundByTheirCommonNamesIgnoringCase() throws IOException {
    Path file = write("train.jsonl", "{\"Utterance\": \"hello\", \"INTENT\": \"greeting\"}\n");

    assertThat(DatasetReader.read(file, ReadOptions.defaults()).examples())
        .extracting(e -> e.text() + "/" + e.label())
        .containsExactly("hello/greeting");
  }

  @Test
  void textAfterTheObjectOnALineIsRefused() throws IOException {
    Path file =
        write(
            "train.jsonl",
            "{\"text\": \"a\", \"label\": \"b\"}{\"text\": \"c\", \"label\": \"d\"}\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":1: malformed JSON");
  }

  @Test
  void objectValuedFieldIsRefused() throws IOException {
    Path file = write("train.jsonl", "{\"text\": {\"en\": \"hello\"}, \"label\": \"greeting\"}\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1: field \"text\" must be a string, found OBJECT");
  }

  @Test
  void emptyJsonLinesFileHasNoExamples() throws IOException {
    Path file = write("train.jsonl", "\n\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isZero())
        .hasMessage(
            file + ": no examples found (expected at least one row with a text and a label)");
  }
}
