package dev.scalpel.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and TSV with a header row, read through {@link DatasetReader}. */
class DelimitedFormatTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void csvWithHeaderKeepsQuotedCommasInsideTheText() throws IOException {
    Path file =
        write(
            "train.csv",
            "text,label\n"
                + "\"hello, world\",greeting\n"
                + "\"hi, there, friend\",greeting\n"
                + "bye,farewell\n"
                + "\"see you, later\",farewell\n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.source()).isEqualTo(file.toString());
    assertThat(dataset.examples())
        .containsExactly(
            new Example("hello, world", "greeting", 2),
            new Example("hi, there, friend", "greeting", 3),
            new Example("bye", "farewell", 4),
            new Example("see you, later", "farewell", 5));
    assertThat(dataset.warnings()).isEmpty();
  }

  @Test
  void csvUnescapesDoubledQuotesAndStripsSurroundingSpace() throws IOException {
    Path file =
        write(
            "train.csv",
            "text,label\n\"she said \"\"hi\"\"\",greeting\n  padded text  ,  greeting  \n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(
            new Example("she said \"hi\"", "greeting", 2),
            new Example("padded text", "greeting", 3));
  }

  @Test
  void csvLineNumbersCountBlankLinesAndMultiLineQuotedTexts() throws IOException {
    Path file =
        write(
            "train.csv",
            "\n"
                + "text,label\n"
                + "\n"
                + "\"first line\nsecond line\",greeting\n"
                + "bye,farewell\n"
                + "\n"
                + "later,farewell\n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(
            new Example("first line\nsecond line", "greeting", 4),
            new Example("bye", "farewell", 6),
            new Example("later", "farewell", 8));
  }

  @Test
  void csvWithWindowsLineEndingsAndNoFinalNewline() throws IOException {
    Path file = write("train.csv", "text,label\r\nhello,greeting\r\nhey,greeting");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(new Example("hello", "greeting", 2), new Example("hey", "greeting", 3));
  }

  @Test
  void tsvSplitsOnTabsAndKeepsCommasAndInnerQuotes() throws IOException {
    Path file =
        write(
            "train.tsv",
            "sentence\tintent\n"
                + "hello, world\tgreeting\n"
                + "say \"hi\" to me\tgreeting\n"
                + "bye\tfarewell\n"
                + "so long\tfarewell\n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.examples())
        .containsExactly(
            new Example("hello, world", "greeting", 2),
            new Example("say \"hi\" to me", "greeting", 3),
            new Example("bye", "farewell", 4),
            new Example("so long", "farewell", 5));
    assertThat(dataset.warnings()).isEmpty();
  }

  @Test
  void raggedCsvRowWithTooManyColumnsNamesItsLineAndHintsAtQuoting() throws IOException {
    Path file = write("train.csv", "text,label\nhello,greeting\nhello, world,greeting\nbye,x\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOfSatisfying(
            DataFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.line()).isEqualTo(3);
            })
        .hasMessage(
            file
                + ":3: ragged row (expected 2 columns as in the header, found 3);"
                + " quote texts that contain commas: \"like, this\"");
  }

  @Test
  void raggedCsvRowWithTooFewColumnsHasNoQuotingHint() throws IOException {
    Path file = write("train.csv", "text,label\nhello,greeting\n\njust a text\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":4: ragged row (expected 2 columns as in the header, found 1)");
  }

  @Test
  void raggedRowAfterAMultiLineTextNamesThePhysicalLine() throws IOException {
    Path file = write("train.csv", "text,label\nhello,greeting\n\"multi\nline\",greeting\nx,y,z\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            file
                + ":5: ragged row (expected 2 columns as in the header, found 3);"
                + " quote texts that contain commas: \"like, this\"");
  }

  @Test
  void raggedTsvRowHasNoCommaHint() throws IOException {
    Path file = write("train.tsv", "text\tlabel\nhello\tgreeting\textra\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":2: ragged row (expected 2 columns as in the header, found 3)");
  }

  @Test
  void unclosedQuoteIsMalformedCsv() throws IOException {
    Path file = write("train.csv", "text,label\nhello,greeting\n\"never closed,greeting\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining(": malformed CSV: Missing closing quote for value");
  }

  @Test
  void textAfterAClosingQuoteIsMalformedTsvOnItsLine() throws IOException {
    Path file = write("train.tsv", "text\tlabel\n\"quoted\" then more\tgreeting\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageStartingWith(file + ":2: malformed TSV: Unexpected character ('t'");
  }

  @Test
  void emptyCsvFileIsAnError() throws IOException {
    Path file = write("train.csv", "");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isZero())
        .hasMessage(file + ": empty file (expected a header row, then examples)");
  }

  @Test
  void blankOnlyCsvFileIsAnEmptyFile() throws IOException {
    Path file = write("train.csv", "\n   \n\t\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ": empty file (expected a header row, then examples)");
  }

  @Test
  void headerWithoutRowsHasNoExamples() throws IOException {
    Path file = write("train.csv", "text,label\n");

    assertThatThrownBy(() -> DatasetReader.read(file, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            file + ": no examples found (expected at least one row with a text and a label)");
  }

  @Test
  void extraColumnsBesidesTextAndLabelAreIgnored() throws IOException {
    Path file =
        write(
            "train.csv",
            "id,text,source,label\n1,hello,web,greeting\n2,hey,app,greeting\n3,bye,web,farewell\n"
                + "4,ciao,app,farewell\n");

    Dataset dataset = DatasetReader.read(file, ReadOptions.defaults());

    assertThat(dataset.texts()).containsExactly("hello", "hey", "bye", "ciao");
    assertThat(dataset.labelCounts())
        .containsExactly(Map.entry("farewell", 2), Map.entry("greeting", 2));
  }
}
