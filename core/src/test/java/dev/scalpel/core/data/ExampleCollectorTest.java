package dev.scalpel.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks every format shares: empty texts, empty labels, lonely labels, empty datasets. */
class ExampleCollectorTest {
  @TempDir Path dir;

  private Path csv(String content) throws IOException {
    return Files.writeString(dir.resolve("train.csv"), content);
  }

  @Test
  void emptyLabelIsAnErrorOnItsLine() throws IOException {
    Path file = csv("text,label\nhello,greeting\nhey,\nbye,farewell\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessage(file + ":3: empty label (every example needs one)");
  }

  @Test
  void blankLabelIsAnErrorEvenWhenTheTextIsEmptyToo() throws IOException {
    Path file = csv("text,label\nhello,greeting\n  ,\"  \"\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":3: empty label (every example needs one)");
  }

  @Test
  void emptyJsonLabelIsAnError() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("train.jsonl"),
            "{\"text\": \"hello\", \"label\": \"greeting\"}\n{\"text\": \"hey\", \"label\": \"\"}\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":2: empty label (every example needs one)");
  }

  @Test
  void emptyTextRowsAreSkippedWithOneWarningNamingTheFirstAndTheCount() throws IOException {
    Path file =
        csv(
            "text,label\n"
                + "hello,greeting\n"
                + ",greeting\n"
                + "hey,greeting\n"
                + "\"   \",farewell\n"
                + "bye,farewell\n"
                + "ciao,farewell\n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(
            new Example("hello", "greeting", 2),
            new Example("hey", "greeting", 4),
            new Example("bye", "farewell", 6),
            new Example("ciao", "farewell", 7));
    assertThat(dataset.warnings())
        .containsExactly(file + ":3: skipped 2 row(s) with an empty text");
  }

  @Test
  void labelWithExactlyOneExampleIsAWarningNotAnError() throws IOException {
    Path file =
        csv(
            "text,label\n"
                + "hello,greeting\n"
                + "hey,greeting\n"
                + "cancel my order,cancel\n"
                + "bye,farewell\n"
                + "ciao,farewell\n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.size()).isEqualTo(5);
    assertThat(dataset.warnings())
        .containsExactly(
            file
                + ":4: label 'cancel' has only one example; its confidence cannot be calibrated"
                + " well (add more examples)");
  }

  @Test
  void warningsListSkippedTextsFirstThenLonelyLabelsInLabelOrder() throws IOException {
    Path file = csv("text,label\nzap,zeta\n,alpha\nhello,greeting\nhey,greeting\nah,alpha\n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.warnings())
        .containsExactly(
            file + ":3: skipped 1 row(s) with an empty text",
            file
                + ":6: label 'alpha' has only one example; its confidence cannot be calibrated"
                + " well (add more examples)",
            file
                + ":2: label 'zeta' has only one example; its confidence cannot be calibrated"
                + " well (add more examples)");
  }

  @Test
  void singleOutOfScopeExampleIsNotWarnedAbout() throws IOException {
    Path file = csv("text,label\nhello,greeting\nhey,greeting\nwhat is love,oos\n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.warnings()).isEmpty();
  }

  @Test
  void onlyEmptyTextsMeansNoExamples() throws IOException {
    Path file = csv("text,label\n,greeting\n  ,farewell\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            file + ": no examples found (expected at least one row with a text and a label)");
  }
}
