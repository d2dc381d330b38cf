package dev.scalpel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.data.ReadOptions;
import dev.scalpel.core.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The registry's life cycle through the command line, on the support data with n-gram-only models:
 * import a model trained on half the data, add the other half and retrain, reject a challenger
 * trained on shuffled labels, force it, roll back.
 */
class FlywheelCliTest {
  private static final String NL = System.lineSeparator();

  @TempDir static Path dir;
  private static Path evenRows;
  private static Path oddRows;
  private static Path shuffled;

  @BeforeAll
  static void writeDataFiles() throws IOException {
    Dataset train = DatasetReader.read(Path.of(CliRoundTripTest.TRAIN), ReadOptions.defaults());
    List<Example> even = new ArrayList<>();
    List<Example> odd = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      (i % 2 == 0 ? even : odd).add(train.examples().get(i));
    }
    List<String> labels = new ArrayList<>(train.examples().stream().map(Example::label).toList());
    Collections.shuffle(labels, new Random(7));
    List<Example> noise = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      noise.add(Example.of(train.examples().get(i).text(), labels.get(i)));
    }
    evenRows = jsonl(dir.resolve("even.jsonl"), even);
    oddRows = jsonl(dir.resolve("odd.jsonl"), odd);
    shuffled = jsonl(dir.resolve("shuffled.jsonl"), noise);
  }

  private static Path jsonl(Path file, List<Example> examples) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Example e : examples) {
      lines
          .append(
              Json.mapper()
                  .writeValueAsString(
                      Json.mapper()
                          .createObjectNode()
                          .put("text", e.text())
                          .put("label", e.label())))
          .append('\n');
    }
    Files.writeString(file, lines);
    return file;
  }

  private static Cli.Result run(Path dataDir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(dataDir.toString());
    return Cli.run(all.toArray(String[]::new));
  }

  /** An n-gram-only model on the even rows of the training data, as a registry's start. */
  private static Path trainOnEvenRows(Path dataDir, String file) {
    Path model = dir.resolve(file);
    Cli.Result trained =
        run(
            dataDir,
            "train",
            "--data",
            evenRows.toString(),
            "--val",
            CliRoundTripTest.VAL,
            "--encoder",
            "none",
            "--out",
            model.toString());
    assertThat(trained.exitCode()).as(trained.toString()).isZero();
    return model;
  }

  @Test
  void registryLifeCycle() throws IOException {
    Path data = dir.resolve("life-cycle");
    Path model = trainOnEvenRows(data, "start.scalpel");

    Cli.Result imported =
        run(
            data,
            "models",
            "import",
            "--name",
            "intent",
            model.toString(),
            "--dataset",
            evenRows.toString(),
            "--eval",
            CliRoundTripTest.VAL);
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.outLines())
        .containsExactly(
            "frozen evaluation set: " + CliRoundTripTest.VAL + " (180 examples)",
            "dataset intent@v1: 430 examples",
            "registered intent-1 from " + model,
            "promote: champion (none) -> intent-1");
    assertThat(imported.err()).isEmpty();

    Cli.Result nothingNew = run(data, "retrain", "--promote");
    assertThat(nothingNew.exitCode()).isEqualTo(1);
    assertThat(nothingNew.err())
        .isEqualTo(
            "error: nothing new to train on: the champion intent-1 was trained on intent@v1, the"
                + " newest version; add labeled examples with 'scalpel datasets add'"
                + NL);

    Cli.Result added = run(data, "datasets", "add", "--data", oddRows.toString());
    assertThat(added.exitCode()).as(added.toString()).isZero();
    assertThat(added.out()).startsWith("intent@v2: 430 examples added, 860 in all (parent v1,");

    Cli.Result retrained = run(data, "retrain", "--promote", "--reason", "the other half");
    assertThat(retrained.exitCode()).as(retrained.toString()).isZero();
    assertThat(retrained.out())
        .contains("registered intent-2: trained on intent@v2 (860 examples)")
        .contains("gate against intent-1 at precision target 0.990: PASSED")
        .contains("ok     frozen eval (intent@eval) (180 examples): coverage ")
        .contains("ok     recent traffic (intent@v2) (430 examples): coverage ")
        .endsWith("promote: champion intent-1 -> intent-2" + NL);

    Cli.Result show = run(data, "models", "show", "intent-2");
    assertThat(show.exitCode()).isZero();
    assertThat(show.out())
        .startsWith("intent-2 (champion):" + NL + "  parent            intent-1" + NL)
        .contains("  dataset           v2 (sha256 ")
        .contains("  note              the other half")
        .contains("gate against intent-1");
    Cli.Result showJson = run(data, "models", "show", "intent-2", "--json");
    JsonNode record = Json.mapper().readTree(showJson.out());
    assertThat(record.get("version").asText()).isEqualTo("intent-2");
    assertThat(record.get("dataset_version").asText()).isEqualTo("v2");
    assertThat(record.get("gate").get("passed").asBoolean()).isTrue();

    Cli.Result diff = run(data, "models", "diff", "intent-1", "intent-2");
    assertThat(diff.exitCode()).isZero();
    assertThat(diff.out())
        .startsWith("intent-1 -> intent-2:" + NL)
        .contains("  dataset           v1 -> v2 (430 -> 860 examples, +430)")
        .contains("  labels added      none")
        .contains("  settings changed  none")
        .contains("    coverage ");

    run(data, "datasets", "add", "--data", shuffled.toString(), "--source", "a broken job");
    Cli.Result rejected = run(data, "retrain", "--promote");
    assertThat(rejected.exitCode()).isEqualTo(1);
    assertThat(rejected.out())
        .contains("registered intent-3")
        .contains("gate against intent-2 at precision target 0.990: FAILED")
        .contains("FAILED frozen eval (intent@eval) (180 examples): coverage ");
    assertThat(rejected.err()).contains("error: champion stays intent-2: the gate failed: ");

    Cli.Result refused = run(data, "models", "promote", "intent-3");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .startsWith("error: champion stays intent-2: its gate failed: ")
        .endsWith("(use --force to promote it anyway)" + NL);

    Cli.Result forced = run(data, "models", "promote", "intent-3", "--force", "--reason", "demo");
    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(forced.out()).isEqualTo("promote: champion intent-2 -> intent-3" + NL);

    Cli.Result list = run(data, "models", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.outLines()).anyMatch(l -> l.startsWith("* intent-3 "));
    assertThat(list.outLines()).anyMatch(l -> l.startsWith("  intent-2 ") && l.endsWith("passed"));
    assertThat(list.outLines()).anyMatch(l -> l.startsWith("* intent-3 ") && l.endsWith("failed"));

    assertThat(run(data, "models", "rollback", "--reason", "bad answers").out())
        .isEqualTo("rollback: champion intent-3 -> intent-2" + NL);
    assertThat(run(data, "models", "rollback").out())
        .isEqualTo("rollback: champion intent-2 -> intent-1" + NL);
    Cli.Result nothingLeft = run(data, "models", "rollback");
    assertThat(nothingLeft.exitCode()).isEqualTo(1);
    assertThat(nothingLeft.err())
        .isEqualTo(
            "error: champion stays intent-1: nothing to roll back to: intent-1 is the first"
                + " champion"
                + NL);

    List<JsonNode> audit = new ArrayList<>();
    for (String line : Files.readAllLines(data.resolve("registry/intent/audit.jsonl"))) {
      audit.add(Json.mapper().readTree(line));
    }
    assertThat(audit)
        .extracting(e -> e.get("action").asText() + " " + e.get("version").asText())
        .containsExactly(
            "promote intent-1",
            "promote intent-2",
            "promote-refused intent-3",
            "promote intent-3",
            "rollback intent-2",
            "rollback intent-1");
    JsonNode forcedEntry = audit.get(3);
    assertThat(forcedEntry.get("forced").asBoolean()).isTrue();
    assertThat(forcedEntry.get("reason").asText()).startsWith("demo [forced past a failed gate: ");
    assertThat(forcedEntry.get("actor").asText()).isEqualTo(System.getProperty("user.name"));
    assertThat(forcedEntry.has("time")).isTrue();

    Cli.Result datasets = run(data, "datasets", "list");
    assertThat(datasets.exitCode()).as(datasets.toString()).isZero();
    assertThat(datasets.outLines())
        .anyMatch(l -> l.startsWith("  v3      v2          860    1720  "))
        .anyMatch(l -> l.startsWith("  eval    -           180     180  "))
        .contains("(every file matches its manifest's SHA-256)");
  }

  @Test
  void errorsAreOneClearLine() throws IOException {
    Path empty = dir.resolve("empty-data-dir");

    Cli.Result noRegistry = run(empty, "models", "list");
    Cli.Result noName = run(empty, "models", "import", dir.resolve("x.scalpel").toString());
    Cli.Result missingModel =
        run(empty, "models", "import", "--name", "intent", dir.resolve("x.scalpel").toString());

    assertThat(noRegistry.exitCode()).isEqualTo(1);
    assertThat(noRegistry.err())
        .isEqualTo(
            "error: no registry in "
                + empty.resolve("registry")
                + ": start one with 'scalpel models import --name NAME MODEL' (or pass"
                + " --data-dir)"
                + NL);
    assertThat(noName.exitCode()).isEqualTo(2);
    assertThat(noName.err()).contains("Missing required option: '--name=<name>'");
    assertThat(missingModel.exitCode()).isEqualTo(1);
    assertThat(missingModel.err())
        .isEqualTo("error: " + dir.resolve("x.scalpel") + ": file not found" + NL);

    Path data = dir.resolve("errors");
    Path model = trainOnEvenRows(data, "errors.scalpel");
    assertThat(run(data, "models", "import", "--name", "intent", model.toString()).exitCode())
        .isZero();

    Cli.Result unknown = run(data, "models", "promote", "intent-9");
    Cli.Result noEval = run(data, "datasets", "add", "--data", oddRows.toString());
    Cli.Result retrainWithoutEval = run(data, "retrain", "--promote");

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err())
        .isEqualTo("error: unknown version intent-9 (registered: [intent-1])" + NL);
    assertThat(noEval.exitCode()).isZero();
    assertThat(retrainWithoutEval.exitCode()).isEqualTo(1);
    assertThat(retrainWithoutEval.err())
        .isEqualTo(
            "error: dataset 'intent' has no frozen evaluation set: set one with 'scalpel datasets"
                + " set-eval --name intent --data val.csv'"
                + NL);
  }

  @Test
  void simulateWritesTheCurveWithExactlyTheRoundKeys() throws IOException {
    Path json = dir.resolve("simulation.json");

    Cli.Result result =
        run(
            dir.resolve("simulate"),
            "simulate",
            "--train",
            CliRoundTripTest.TRAIN,
            "--val",
            CliRoundTripTest.VAL,
            "--test",
            CliRoundTripTest.TEST,
            "--rounds",
            "2",
            "--per-round",
            "100",
            "--encoder",
            "none",
            "--json",
            json.toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .startsWith("starting model knows 10 of 20 intents (460 examples); 400 traffic examples")
        .contains("all-data ")
        .endsWith("wrote " + json + NL);
    JsonNode report = Json.mapper().readTree(json.toFile());
    JsonNode rounds = report.get("rounds");
    assertThat(rounds).hasSize(3);
    int previousLabels = 0;
    for (int i = 0; i < rounds.size(); i++) {
      JsonNode round = rounds.get(i);
      List<String> keys = new ArrayList<>();
      round.fieldNames().forEachRemaining(keys::add);
      assertThat(keys)
          .containsExactly(
              "round",
              "model_version",
              "promoted",
              "labels_used",
              "coverage",
              "in_scope_answered_accuracy",
              "answered_accuracy",
              "in_scope_accuracy",
              "llm_share");
      assertThat(round.get("round").asInt()).isEqualTo(i);
      assertThat(round.get("model_version").asText()).matches("sim-[0-9]+");
      assertThat(round.get("labels_used").asInt()).isGreaterThanOrEqualTo(previousLabels);
      previousLabels = round.get("labels_used").asInt();
      for (String fraction :
          List.of("coverage", "in_scope_answered_accuracy", "answered_accuracy", "llm_share")) {
        assertThat(round.get(fraction).asDouble()).as(fraction).isBetween(0.0, 1.0);
      }
    }
    assertThat(rounds.get(0).get("model_version").asText()).isEqualTo("sim-1");
    assertThat(rounds.get(0).get("promoted").asBoolean()).isTrue();
    assertThat(rounds.get(0).get("labels_used").asInt()).isZero();
    assertThat(rounds.get(2).get("labels_used").asInt()).isPositive();
    assertThat(rounds.get(2).get("coverage").asDouble())
        .isGreaterThan(rounds.get(0).get("coverage").asDouble());
    assertThat(report.get("reference").get("coverage").asDouble()).isBetween(0.0, 1.0);
    assertThat(report.get("timings")).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "models",
        "models list",
        "models show",
        "models diff",
        "models promote",
        "models rollback",
        "models import",
        "datasets",
        "datasets add",
        "datasets list",
        "datasets set-eval",
        "retrain",
        "simulate"
      })
  void everyFlywheelCommandHasHelp(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");

    Cli.Result result = Cli.run(args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("Usage: scalpel " + command + " ").contains("--help");
  }
}
