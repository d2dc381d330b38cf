package dev.scalpel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code scalpel kb index} and {@code kb search} end to end, with the real encoder. */
class KbCommandTest {
  private static final String NL = System.lineSeparator();

  @TempDir static Path dir;
  private static Path docs;
  private static Path data;
  private static Cli.Result indexed;

  @BeforeAll
  static void indexASmallKnowledgeBase() throws IOException {
    docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(
        docs.resolve("returns.md"),
        """
        # Returns

        ## Return window

        You can send back any item within 30 days of delivery.

        ## Refund timing

        We pay the money back within 5 working days after your parcel reaches our warehouse.
        """);
    Files.writeString(
        docs.resolve("hours.txt"),
        "Stores are open Monday to Friday 9:00-19:00 and Saturday 10:00-17:00.\n");
    data = dir.resolve("data");
    indexed = Cli.run("kb", "index", docs.toString(), "--data-dir", data.toString());
  }

  @Test
  void indexReportsWhatItIndexed() {
    assertThat(indexed.exitCode()).as(indexed.toString()).isZero();
    assertThat(indexed.out())
        .matches(
            "indexed 3 passages from 2 documents of "
                + java.util.regex.Pattern.quote(docs.toString())
                + " into "
                + java.util.regex.Pattern.quote(data.resolve("kb/default").toString())
                + " in \\d+\\.\\d s \\(encoder bge-small-en-v1\\.5-q\\)\\R");
    assertThat(data.resolve("kb/default")).isDirectory();
    assertThat(data.resolve("embeddings")).isDirectory();
  }

  @Test
  void searchPrintsRankScoreSourceTitleAndSnippet() {
    Cli.Result result =
        Cli.run("kb", "search", "when is my money paid back", "--data-dir", data.toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<String> lines = result.outLines();
    assertThat(lines).hasSize(9);
    assertThat(lines.get(0)).isEqualTo(" 1. Returns > Refund timing  (returns.md#2)");
    assertThat(lines.get(1))
        .matches("    score 0\\.0\\d{3} \\| bm25 #1 \\d+\\.\\d\\d \\| vector #1 0\\.\\d{3}");
    assertThat(lines.get(2))
        .isEqualTo(
            "    We pay the money back within 5 working days after your parcel reaches our"
                + " warehouse.");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void jsonPrintsOneObjectPerHitWithBothRetrievers() throws IOException {
    Cli.Result result =
        Cli.run(
            "kb",
            "search",
            "opening hours on saturday",
            "--json",
            "--top",
            "2",
            "--data-dir",
            data.toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<JsonNode> hits = new ArrayList<>();
    for (String line : result.outLines()) {
      hits.add(Json.mapper().readTree(line));
    }
    assertThat(hits).hasSize(2);
    JsonNode best = hits.getFirst();
    assertThat(best.get("rank").asInt()).isEqualTo(1);
    assertThat(best.get("id").asText()).isEqualTo("hours.txt#1");
    assertThat(best.get("source").asText()).isEqualTo("hours.txt");
    assertThat(best.get("title").asText()).isEqualTo("hours");
    assertThat(best.get("text").asText()).startsWith("Stores are open Monday");
    assertThat(best.get("score").asDouble()).isPositive();
    assertThat(best.get("bm25").get("rank").asInt()).isEqualTo(1);
    assertThat(best.get("vector").get("rank").asInt()).isEqualTo(1);
    assertThat(best.get("vector").get("score").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void bm25ModeSaysWhenNoWordCanMatch() {
    Cli.Result result =
        Cli.run("kb", "search", "is it the", "--mode", "bm25", "--data-dir", data.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "no passage matches (BM25 needs at least one indexed word: try --mode vector)" + NL);
  }

  @Test
  void aNamedKnowledgeBaseLivesBesideTheDefaultAndTheConfigNamesTheDataDir() throws IOException {
    Path config = dir.resolve("scalpel.yaml");
    Files.writeString(config, "storage:\n  data_dir: data\n");

    Cli.Result index =
        Cli.run(
            "kb", "index", docs.toString(), "--name", "support-v2", "--config", config.toString());
    Cli.Result search =
        Cli.run(
            "kb",
            "search",
            "return window",
            "--name",
            "support-v2",
            "--mode",
            "vector",
            "--top",
            "1",
            "--data-dir",
            data.toString());

    assertThat(index.exitCode()).as(index.toString()).isZero();
    assertThat(data.resolve("kb/support-v2")).isDirectory();
    assertThat(search.exitCode()).as(search.toString()).isZero();
    assertThat(search.outLines().getFirst())
        .isEqualTo(" 1. Returns > Return window  (returns.md#1)");
  }

  @Test
  void searchingAMissingKnowledgeBaseSaysHowToBuildIt() {
    Cli.Result result =
        Cli.run("kb", "search", "refund", "--name", "faq", "--data-dir", data.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: no knowledge base 'faq' in "
                + data.resolve("kb/faq")
                + "; build it first with: scalpel kb index FOLDER --name faq (and the same"
                + " --data-dir or --config)"
                + NL);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aFolderWithoutDocumentsIsAnError() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("notes.csv"), "a,b\n");

    Cli.Result result = Cli.run("kb", "index", empty.toString(), "--data-dir", data.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + empty
                + ": no documents to index (expected .md, .markdown or .txt files)"
                + NL);
    assertThat(data.resolve("kb/default")).isDirectory();
  }

  @Test
  void badValuesAreReportedInOneLine() {
    Cli.Result name =
        Cli.run("kb", "search", "x", "--name", "../etc", "--data-dir", data.toString());
    Cli.Result top = Cli.run("kb", "search", "x", "--top", "0", "--data-dir", data.toString());
    Cli.Result words =
        Cli.run("kb", "index", docs.toString(), "--max-words", "5", "--data-dir", data.toString());
    Cli.Result none =
        Cli.run("kb", "index", docs.toString(), "--encoder", "none", "--data-dir", data.toString());
    Cli.Result missing =
        Cli.run("kb", "index", dir.resolve("nope").toString(), "--data-dir", data.toString());

    assertThat(name.err())
        .isEqualTo(
            "error: knowledge base name: expected letters, digits, '.', '_' or '-', starting with a"
                + " letter or digit, found '../etc'"
                + NL);
    assertThat(top.err()).isEqualTo("error: --top: expected at least 1, found 0" + NL);
    assertThat(words.err())
        .isEqualTo("error: passage size: expected 20 to 2000 words, found 5" + NL);
    assertThat(none.err())
        .isEqualTo(
            "error: a knowledge base needs a sentence encoder for its vectors; drop --encoder none"
                + NL);
    assertThat(missing.err())
        .isEqualTo("error: " + dir.resolve("nope") + ": folder not found" + NL);
    for (Cli.Result result : List.of(name, top, words, none, missing)) {
      assertThat(result.exitCode()).isEqualTo(1);
    }
  }

  @Test
  void usageErrorsExitWithTwo() {
    Cli.Result noQuery = Cli.run("kb", "search", "--data-dir", data.toString());
    Cli.Result badMode = Cli.run("kb", "search", "x", "--mode", "fuzzy");

    assertThat(noQuery.exitCode()).isEqualTo(2);
    assertThat(noQuery.err()).contains("Missing required parameter: 'QUERY'");
    assertThat(badMode.exitCode()).isEqualTo(2);
    assertThat(badMode.err()).contains("Invalid value for option '--mode'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kb", "kb index", "kb search"})
  void everyKbCommandHasHelp(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");

    Cli.Result result = Cli.run(args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("Usage: scalpel " + command + " ").contains("--help");
    assertThat(result.err()).isEmpty();
  }
}
