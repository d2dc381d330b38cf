package dev.scalpel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors a user can cause end with exit code 1 and one clear line on stderr, never a stack trace.
 * The model here is an n-gram-only one ({@code --encoder none}), which trains in a second.
 */
class CliErrorsTest {
  private static final String NL = System.lineSeparator();

  @TempDir static Path dir;
  private static Path model;

  @BeforeAll
  static void trainNgramModel() {
    model = dir.resolve("ngrams.scalpel");
    Cli.Result result =
        Cli.run(
            "train",
            "--data",
            CliRoundTripTest.TRAIN,
            "--val",
            CliRoundTripTest.VAL,
            "--out",
            model.toString(),
            "--encoder",
            "none",
            "--data-dir",
            dir.resolve("data").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
  }

  private static void assertNoStackTrace(Cli.Result result) {
    assertThat(result.err()).doesNotContain("\tat ", "Exception", "Caused by");
  }

  @Test
  void ngramModelNeedsNoEncoder() {
    Cli.Result inspect = Cli.run("inspect", model.toString());
    Cli.Result predict =
        Cli.run("predict", "--model", model.toString(), "where is my order NW-12345?");

    assertThat(inspect.exitCode()).isZero();
    assertThat(inspect.out()).containsPattern("encoder +none \\(n-grams only\\)");
    assertThat(predict.exitCode()).as(predict.toString()).isZero();
    assertThat(predict.out()).contains("\"label\":\"track_order\"");
    assertThat(Files.exists(dir.resolve("data").resolve("embeddings"))).isFalse();
  }

  @Test
  void raggedCsvNamesFileAndLine() throws IOException {
    Path bad = dir.resolve("ragged.csv");
    Files.writeString(bad, "text,label\nwhere is my order,track_order\nhi, there,greeting\n");

    Cli.Result result =
        Cli.run("train", "--data", bad.toString(), "--out", dir.resolve("x.scalpel").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + bad
                + ":3: ragged row (expected 2 columns as in the header, found 3);"
                + " quote texts that contain commas: \"like, this\""
                + NL);
    assertThat(dir.resolve("x.scalpel")).doesNotExist();
  }

  @Test
  void raggedEvaluationDataNamesFileAndLine() throws IOException {
    Path bad = dir.resolve("ragged-test.csv");
    Files.writeString(bad, "text,label\nwhere is my order\n");

    Cli.Result result = Cli.run("eval", "--model", model.toString(), "--data", bad.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith(
            "error: " + bad + ":2: ragged row (expected 2 columns as in the header, found 1)");
    assertNoStackTrace(result);
  }

  @Test
  void missingDataFileIsReported() {
    Path missing = dir.resolve("nope.csv");

    Cli.Result result =
        Cli.run(
            "train", "--data", missing.toString(), "--out", dir.resolve("y.scalpel").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: " + missing + ": file not found" + NL);
  }

  @Test
  void corruptedModelIsReportedWithoutAStackTrace() throws IOException {
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length / 2] ^= 0x55;
    Path corrupted = dir.resolve("corrupted.scalpel");
    Files.write(corrupted, bytes);

    Cli.Result predict = Cli.run("predict", "--model", corrupted.toString(), "hello");
    Cli.Result inspect = Cli.run("inspect", corrupted.toString());

    for (Cli.Result result : new Cli.Result[] {predict, inspect}) {
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.out()).isEmpty();
      assertThat(result.err())
          .startsWith(
              "error: " + corrupted + ": truncated or corrupted (checksum mismatch: expected ")
          .endsWith("); retrain or restore the file" + NL);
      assertThat(result.err().lines()).hasSize(1);
      assertNoStackTrace(result);
    }
  }

  @Test
  void truncatedModelIsReportedWithoutAStackTrace() throws IOException {
    byte[] bytes = Files.readAllBytes(model);
    Path truncated = dir.resolve("truncated.scalpel");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));

    Cli.Result result =
        Cli.run("eval", "--model", truncated.toString(), "--data", CliRoundTripTest.TEST);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: " + truncated + ": truncated or corrupted");
    assertNoStackTrace(result);
  }

  @Test
  void fileThatIsNoModelIsReported() {
    Cli.Result result = Cli.run("predict", "--model", CliRoundTripTest.TRAIN, "hello");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + CliRoundTripTest.TRAIN
                + ": not a Scalpel model file (expected magic 5343414c50454c1a, found"
                + " 746578742c6c6162)"
                + NL);
  }

  @Test
  void missingModelIsReported() {
    Path missing = dir.resolve("missing.scalpel");

    Cli.Result result = Cli.run("inspect", missing.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: " + missing + ": file not found" + NL);
  }
}
