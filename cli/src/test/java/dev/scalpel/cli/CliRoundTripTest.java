package dev.scalpel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the support specialist once with {@code scalpel train}, then runs predict, eval, inspect
 * and quickstart on it, all in one temporary data directory.
 */
class CliRoundTripTest {
  static final String EXAMPLES = "../examples/support";
  static final String TRAIN = EXAMPLES + "/train.csv";
  static final String VAL = EXAMPLES + "/val.csv";
  static final String TEST = EXAMPLES + "/test.csv";
  private static final List<String> PREDICTION_KEYS =
      List.of("text", "label", "confidence", "top", "decision", "explanation");

  @TempDir static Path dataDir;
  private static Path model;
  private static Cli.Result trained;

  @BeforeAll
  static void train() {
    model = dataDir.resolve("models").resolve("support.scalpel");
    trained =
        Cli.run(
            "train",
            "--data",
            TRAIN,
            "--val",
            VAL,
            "--out",
            model.toString(),
            "--data-dir",
            dataDir.toString());
  }

  private static List<JsonNode> jsonLines(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.lines().toList()) {
      nodes.add(Json.mapper().readTree(line));
    }
    return nodes;
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static void assertWellFormedPrediction(JsonNode p, String text) {
    assertThat(keys(p)).containsExactlyElementsOf(PREDICTION_KEYS);
    assertThat(p.get("text").asText()).isEqualTo(text);
    assertThat(p.get("decision").asText()).isIn("answer", "abstain", "oos");
    double confidence = p.get("confidence").asDouble();
    assertThat(confidence).isBetween(0.0, 1.0);
    JsonNode top = p.get("top");
    assertThat(top.size()).isEqualTo(5);
    assertThat(top.get(0).get("confidence").asDouble()).isEqualTo(confidence);
    for (int k = 0; k < top.size(); k++) {
      assertThat(keys(top.get(k))).containsExactly("label", "confidence");
      if (k > 0) {
        assertThat(top.get(k).get("confidence").asDouble())
            .isLessThanOrEqualTo(top.get(k - 1).get("confidence").asDouble());
      }
    }
    String topLabel = top.get(0).get("label").asText();
    assertThat(p.get("label").asText())
        .isEqualTo(p.get("decision").asText().equals("oos") ? "oos" : topLabel);
    for (JsonNode c : p.get("explanation")) {
      assertThat(keys(c)).containsExactly("ngram", "kind", "weight");
      assertThat(c.get("kind").asText()).isIn("word", "char");
      assertThat(c.get("weight").asDouble()).isPositive();
    }
  }

  @Test
  void trainWritesTheModelAndItsEmbeddingCache() throws IOException {
    assertThat(trained.exitCode()).as(trained.toString()).isZero();
    assertThat(trained.out())
        .contains(
            "training on " + TRAIN + ": 860 examples, 20 labels + 60 out-of-scope examples",
            "wrote " + model,
            "thresholds (chosen on " + VAL + "):",
            "oos_threshold",
            "abstain_threshold",
            "validation precision-coverage curve",
            "held-out metrics:",
            "in_scope_accuracy");
    assertThat(trained.err())
        .contains("embedding with bge-small-en-v1.5-q: 860 ...", "training: 12900 ...")
        .doesNotContain("warning:", "Exception");
    assertThat(model).isRegularFile();
    try (Stream<Path> cached = Files.list(dataDir.resolve("embeddings"))) {
      assertThat(cached.toList()).hasSize(1);
    }
  }

  @Test
  void predictPrintsOneJsonLinePerText() throws IOException {
    String order = "where is my order NW-12345? it has been a week";
    String haiku = "write me a haiku about autumn leaves";

    Cli.Result result = Cli.run("predict", "--model", model.toString(), order, haiku);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<JsonNode> lines = jsonLines(result.out());
    assertThat(lines).hasSize(2);
    assertWellFormedPrediction(lines.get(0), order);
    assertWellFormedPrediction(lines.get(1), haiku);
    assertThat(lines.get(0).get("label").asText()).isEqualTo("track_order");
    assertThat(lines.get(0).get("decision").asText()).isEqualTo("answer");
    assertThat(lines.get(0).get("explanation").size()).isPositive();
    assertThat(lines.get(1).get("label").asText()).isEqualTo("oos");
    assertThat(lines.get(1).get("decision").asText()).isEqualTo("oos");
  }

  @Test
  void predictReadsPlainLinesFromStdinSkippingBlankOnes() throws IOException {
    Cli.Result result =
        Cli.runWithInput(
            "where is my order NW-12345?\n\n   \n  I forgot my password and cannot log in  \n",
            "predict",
            "--model",
            model.toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<JsonNode> lines = jsonLines(result.out());
    assertThat(lines).hasSize(2);
    assertWellFormedPrediction(lines.get(0), "where is my order NW-12345?");
    assertWellFormedPrediction(lines.get(1), "I forgot my password and cannot log in");
    assertThat(lines.get(0).get("label").asText()).isEqualTo("track_order");
    assertThat(lines.get(1).get("label").asText()).isEqualTo("reset_password");
  }

  @Test
  void predictReadsJsonLinesFromStdin() throws IOException {
    Cli.Result result =
        Cli.runWithInput(
            """
            {"id": 1, "text": "where is my order NW-12345?"}
            {"text": "I forgot my password and cannot log in"}
            """,
            "predict",
            "--model",
            model.toString(),
            "--batch-size",
            "1");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<JsonNode> lines = jsonLines(result.out());
    assertThat(lines).hasSize(2);
    assertWellFormedPrediction(lines.get(0), "where is my order NW-12345?");
    assertWellFormedPrediction(lines.get(1), "I forgot my password and cannot log in");
    assertThat(lines.get(0).get("label").asText()).isEqualTo("track_order");
    assertThat(lines.get(1).get("label").asText()).isEqualTo("reset_password");
  }

  @Test
  void predictNamesTheStdinLineOfAJsonObjectWithoutText() {
    Cli.Result result =
        Cli.runWithInput(
            "where is my order?\n\n{\"txt\": \"typo in the field name\"}\n",
            "predict",
            "--model",
            model.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: stdin:3: expected a JSON object with a string \"text\" field"
                + System.lineSeparator());
  }

  @Test
  void evalWritesTheReportAsJson() throws IOException {
    Path json = dataDir.resolve("report.json");

    Cli.Result result =
        Cli.run("eval", "--model", model.toString(), "--data", TEST, "--json", json.toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode report = Json.mapper().readTree(json.toFile());
    assertThat(keys(report))
        .contains(
            "in_scope_accuracy",
            "oos_recall",
            "oos_precision",
            "coverage",
            "in_scope_answered_accuracy",
            "answered_accuracy",
            "macro_f1",
            "ece",
            "p50_ms",
            "p99_ms",
            "examples",
            "confusions",
            "model",
            "data",
            "abstain_threshold",
            "oos_threshold",
            "target_precision")
        .doesNotContain("robustness", "metrics");
    assertThat(report.get("examples").asInt()).isEqualTo(280);
    assertThat(report.get("model").asText()).isEqualTo(model.toString());
    assertThat(report.get("data").asText()).isEqualTo(TEST);
    assertThat(report.get("target_precision").asDouble()).isEqualTo(0.99);
    double inScopeAccuracy = report.get("in_scope_accuracy").asDouble();
    assertThat(inScopeAccuracy).isGreaterThanOrEqualTo(0.93);
    assertThat(report.get("oos_recall").asDouble()).isGreaterThanOrEqualTo(0.90);
    assertThat(report.get("in_scope_answered_accuracy").asDouble()).isGreaterThanOrEqualTo(0.97);
    assertThat(report.get("p99_ms").asDouble()).isPositive();
    assertThat(keys(report.get("confusions").get(0))).containsExactly("gold", "predicted", "count");
    assertThat(result.out())
        .contains("evaluation of " + model + " on " + TEST + ":")
        .contains(String.format(Locale.ROOT, "%.2f%%", 100 * inScopeAccuracy))
        .contains("wrote " + json)
        .doesNotContain("robustness");
  }

  @Test
  void evalPerturbAddsARobustnessSection() throws IOException {
    Path json = dataDir.resolve("robustness.json");

    Cli.Result result =
        Cli.run(
            "eval",
            "--model",
            model.toString(),
            "--data",
            TEST,
            "--perturb",
            "--json",
            json.toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode report = Json.mapper().readTree(json.toFile());
    JsonNode robustness = report.get("robustness");
    assertThat(robustness.size()).isEqualTo(4);
    List<String> names = new ArrayList<>();
    for (JsonNode r : robustness) {
      names.add(r.get("perturbation").asText());
      assertThat(keys(r))
          .containsExactly(
              "perturbation",
              "in_scope_accuracy",
              "answered_accuracy",
              "coverage",
              "in_scope_accuracy_delta");
      assertThat(r.get("in_scope_accuracy_delta").asDouble())
          .isCloseTo(
              r.get("in_scope_accuracy").asDouble() - report.get("in_scope_accuracy").asDouble(),
              within(1e-12));
      assertThat(r.get("in_scope_accuracy").asDouble()).isGreaterThan(0.5);
    }
    assertThat(names).containsExactly("typos", "casing", "punctuation", "dropped_words");
    assertThat(result.out())
        .contains("robustness (in-scope accuracy under perturbation, change):")
        .contains("typos", "casing", "punctuation", "dropped_words");
  }

  @Test
  void inspectPrintsProvenanceThresholdsAndValidationMetrics() {
    Cli.Result result = Cli.run("inspect", model.toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .startsWith(model + ":")
        .contains("20 intents + trained 'oos' class")
        .containsPattern(
            "encoder +bge-small-en-v1\\.5-q \\(384 dims, CLS, sha256 [0-9a-f]{12}\\.\\.\\.\\)")
        .containsPattern("trained on +" + TRAIN.replace(".", "\\.") + " \\(860 examples, sha256 ")
        .contains(VAL + " (180 examples)")
        .contains("thresholds:", "oos_threshold", "abstain_threshold")
        .contains("validation metrics (" + VAL + "):", "in_scope_accuracy");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void inspectJsonPrintsTheMetadata() throws IOException {
    Cli.Result result = Cli.run("inspect", "--json", model.toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode info = Json.mapper().readTree(result.out());
    assertThat(info.get("classes").size()).isEqualTo(21);
    assertThat(info.get("oos_label").asText()).isEqualTo("oos");
    assertThat(info.get("encoder").get("name").asText()).isEqualTo("bge-small-en-v1.5-q");
    assertThat(info.get("provenance").get("train_examples").asInt()).isEqualTo(860);
    assertThat(info.get("provenance").get("seed").asLong()).isEqualTo(42);
    assertThat(info.get("thresholds").get("target_precision").asDouble()).isEqualTo(0.99);
    assertThat(info.get("validation").get("examples").asInt()).isEqualTo(180);
  }

  @Test
  void invalidTargetPrecisionIsReportedWithoutAStackTrace() {
    Cli.Result result =
        Cli.run("predict", "--model", model.toString(), "--target-precision", "0", "hello");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("error: targetPrecision must be in (0, 1], found 0.0" + System.lineSeparator());
  }

  @Test
  void quickstartTrainsEvaluatesAndShowsPredictions() {
    Cli.Result result =
        Cli.run("quickstart", "--examples", EXAMPLES, "--data-dir", dataDir.toString());

    Path quickstart = dataDir.resolve("models").resolve("quickstart.scalpel");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains(
            "1/3 training a specialist on "
                + Path.of(EXAMPLES, "train.csv")
                + " (860 examples, 20 intents + out-of-scope)",
            "wrote " + quickstart,
            "2/3 evaluating on " + Path.of(EXAMPLES, "test.csv") + " (never trained on)",
            "in_scope_accuracy",
            "3/3 a few predictions:",
            "Next: ./scalpel predict --model " + quickstart)
        .containsPattern("\"what's a good recipe for banana bread\" +-> oos +oos ")
        .containsPattern(
            "\"I want to send the helmet back, it doesn't fit\" +-> answer +return_item ");
    assertThat(quickstart).isRegularFile();
  }
}
