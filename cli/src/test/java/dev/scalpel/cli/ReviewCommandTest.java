package dev.scalpel.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.StubLlm;
import dev.scalpel.upstream.stub.StubOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scalpel review} end to end over a real request log and a teacher served by the stub LLM
 * over HTTP: list, teach, label (agreeing and overruling), skip, export.
 */
class ReviewCommandTest {
  private static final Path MODEL =
      Path.of("..", "examples", "quickstart", "support.scalpel").toAbsolutePath().normalize();

  /** What the teacher answers per text; texts it does not know get no answer. */
  private static final Map<String, String> TEACHER =
      Map.of(
          "where is my  parcel?", "track_order",
          "cancel my order", "cancel_order",
          "my bike was stolen", "none",
          "do you rent boats", "boats");

  @TempDir Path dir;
  private Path data;

  @BeforeEach
  void logEscalationsAndHandoffs() {
    data = dir.resolve("data");
    try (RequestLog log = RequestLog.open(data)) {
      log.append(row("p1", "09:00", Route.ESCALATED, "Where is my parcel?", "track_order"));
      log.append(row("p2", "09:10", Route.HANDOFF, "where is my  parcel?", "track_order"));
      log.append(row("c1", "12:00", Route.HANDOFF, "cancel my order", "cancel_order"));
      log.append(row("b1", "11:00", Route.ESCALATED, "my bike was stolen", "oos"));
      log.append(row("r1", "10:00", Route.ESCALATED, "do you rent boats", "oos"));
      log.append(row("h1", "09:30", Route.ESCALATED, "hello", "oos"));
      log.append(row("l1", "13:00", Route.LOCAL, "store hours?", "store_hours"));
    }
  }

  private static RequestRecord row(String id, String time, Route route, String text, String label) {
    return RequestRecord.builder()
        .id(id)
        .time(Instant.parse("2026-11-21T" + time + ":00Z"))
        .apiKeyId("web")
        .route(route)
        .specialist("intent", "intent@abc", label, 0.5)
        .requestText(text)
        .reason("abstained")
        .build();
  }

  @Test
  void listTeachLabelAndExport() throws IOException {
    Cli.Result listed = Cli.run("review", "list", "--data-dir", data.toString());
    assertThat(listed.exitCode()).as(listed.toString()).isZero();
    assertThat(listed.outLines()).hasSize(6);
    assertThat(listed.outLines().get(1))
        .startsWith(id("where is my parcel?") + "     2 open     track_order")
        .endsWith("where is my parcel?");
    assertThat(listed.outLines().get(2)).startsWith(id("cancel my order") + " ");

    try (StubLlm stub =
        StubLlm.start(StubOptions.defaults().withAnswer(ReviewCommandTest::teach))) {
      Path yaml = config(stub);
      Cli.Result taught =
          Cli.run(
              "review", "teach", "--tier", "teacher", "--config", yaml.toString(), "--batch", "2");
      assertThat(taught.exitCode()).as(taught.toString()).isZero();
      assertThat(taught.out())
          .startsWith(
              "teacher teacher (big-model): 3 of 5 items labeled, 1 answers rejected, 2"
                  + " unanswered; 3 calls, ");
      assertThat(stub.requests()).hasSize(3);
      Cli.Result usage = Cli.run("usage", "--by", "label", "--config", yaml.toString());
      assertThat(usage.out()).contains("review-teach");
    }

    Map<String, String> proposals = new HashMap<>();
    for (JsonNode item : json(Cli.run("review", "list", "--json", "--data-dir", data.toString()))) {
      proposals.put(
          item.get("text").asText(),
          item.get("status").asText()
              + " "
              + item.get("label").asText()
              + " "
              + item.get("source").asText());
    }
    assertThat(proposals)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "where is my  parcel?", "proposed track_order teacher",
                "cancel my order", "proposed cancel_order teacher",
                "my bike was stolen", "proposed oos teacher",
                "do you rent boats", "open  ",
                "hello", "open  "));

    // In normalized-text order, so that decisions in the same millisecond export in this order too.
    assertThat(label("cancel my order", "refund_status").out())
        .isEqualTo(id("cancel my order") + " labeled refund_status (person) by dana\n");
    assertThat(label("do you rent boats", "new: boat_rental").out())
        .isEqualTo(id("do you rent boats") + " labeled new:boat_rental (person) by dana\n");
    assertThat(label("my bike was stolen", "oos").out()).contains("labeled oos (both)");
    assertThat(label("where is my parcel?", "track_order").out())
        .contains("labeled track_order (both)");
    Cli.Result skipped =
        Cli.run("review", "skip", id("hello"), "--by", "dana", "--data-dir", data.toString());
    assertThat(skipped.out()).isEqualTo(id("hello") + " skipped by dana\n");
    assertThat(Cli.run("review", "list", "--data-dir", data.toString()).out())
        .isEqualTo("nothing to review\n");

    JsonNode shown =
        json(Cli.run("review", "show", id("my bike was stolen"), "--data-dir", data.toString()));
    assertThat(shown.get("teacher_label").asText()).isEqualTo("oos");
    assertThat(shown.get("teacher_model").asText()).isEqualTo("big-model");
    assertThat(shown.get("person_label").asText()).isEqualTo("oos");
    assertThat(shown.get("decided_by").asText()).isEqualTo("dana");

    Path csv = dir.resolve("labels.csv");
    Cli.Result exported =
        Cli.run("review", "export", "--out", csv.toString(), "--data-dir", data.toString());
    assertThat(exported.out()).isEqualTo("3 labeled examples written to " + csv + "\n");
    assertThat(Files.readString(csv, UTF_8))
        .isEqualTo(
            "text,label\n"
                + "cancel my order,refund_status\n"
                + "my bike was stolen,oos\n"
                + "where is my  parcel?,track_order\n");
    Cli.Result added =
        Cli.run(
            "datasets",
            "add",
            "--data",
            csv.toString(),
            "--source",
            "review",
            "--name",
            "intent",
            "--data-dir",
            data.toString());
    assertThat(added.exitCode()).as(added.toString()).isZero();
    assertThat(added.out()).startsWith("intent@v1: 3 examples added, 3 in all");
    Cli.Result withNew =
        Cli.run(
            "review",
            "export",
            "--out",
            csv.toString(),
            "--include-new",
            "--data-dir",
            data.toString());
    assertThat(withNew.exitCode()).isZero();
    assertThat(Files.readString(csv, UTF_8)).contains("do you rent boats,new:boat_rental\n");
  }

  @Test
  void unknownIdsBadLabelsAndAMissingLogFailClearly() {
    Cli.Result unknown =
        Cli.run("review", "label", "0123456789", "oos", "--data-dir", data.toString());
    Cli.Result badLabel =
        Cli.run("review", "label", id("hello"), "two words", "--data-dir", data.toString());
    Cli.Result show = Cli.run("review", "show", "nope", "--data-dir", data.toString());
    Cli.Result noLog = Cli.run("review", "list", "--data-dir", dir.resolve("empty").toString());
    Cli.Result noConfig = Cli.run("review", "teach", "--tier", "x", "--data-dir", data.toString());

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err())
        .isEqualTo(
            "error: no review item '0123456789' (see `scalpel review list --all` for the ids)\n");
    assertThat(badLabel.exitCode()).isEqualTo(1);
    assertThat(badLabel.err()).startsWith("error: 'two words' is not a label");
    assertThat(show.exitCode()).isEqualTo(1);
    assertThat(show.err()).startsWith("error: no review item 'nope'");
    assertThat(noLog.exitCode()).isEqualTo(1);
    assertThat(noLog.err()).startsWith("error: no request log at ");
    assertThat(noConfig.exitCode()).isEqualTo(1);
    assertThat(noConfig.err()).startsWith("error: review teach needs --config");
  }

  private Cli.Result label(String text, String label) {
    Cli.Result r =
        Cli.run("review", "label", id(text), label, "--by", "dana", "--data-dir", data.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  /** The stub teacher: a label per known text, nothing for the others. */
  private static String teach(JsonNode request) {
    try {
      JsonNode asked =
          Json.mapper().readTree(request.get("messages").get(1).get("content").asText());
      StringBuilder labels = new StringBuilder();
      for (JsonNode r : asked.get("requests")) {
        String label = TEACHER.get(r.get("text").asText());
        if (label == null) {
          continue;
        }
        labels.append(labels.isEmpty() ? "" : ", ");
        labels
            .append("{\"i\": ")
            .append(r.get("i").asInt())
            .append(", \"label\": \"")
            .append(label)
            .append("\"}");
      }
      return "{\"labels\": [" + labels + "]}";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path config(StubLlm stub) throws IOException {
    Path yaml = dir.resolve("scalpel.yaml");
    Files.writeString(
        yaml,
        String.join(
            "\n",
            "server: {host: 127.0.0.1, port: 0}",
            "storage: {data_dir: data}",
            "keys: [{name: test, key: sk-review-test}]",
            "specialists: [{name: intent, model: " + MODEL + "}]",
            "routing: {specialist: intent}",
            "upstreams:",
            "  default: teacher",
            "  tiers:",
            "    - name: teacher",
            "      base_url: " + stub.baseUrl(),
            "      model: big-model",
            "      input_usd_per_million: 1000",
            "      output_usd_per_million: 2000",
            ""),
        UTF_8);
    return yaml;
  }

  /** The item id of a text: the first 10 hex digits of the SHA-256 of its normalized form. */
  private static String id(String text) {
    String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(UTF_8));
      return HexFormat.of().formatHex(hash, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(Cli.Result r) throws IOException {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return Json.mapper().readTree(r.out());
  }
}
