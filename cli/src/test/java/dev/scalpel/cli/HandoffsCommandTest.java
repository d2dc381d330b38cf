package dev.scalpel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scalpel handoffs list|show|resolve} over a real request log with two hand-offs. */
class HandoffsCommandTest {
  @TempDir Path dir;
  private String data;

  @BeforeEach
  void logTwoHandoffsAndALocalAnswer() {
    data = dir.resolve("data").toString();
    try (RequestLog log = RequestLog.open(Path.of(data))) {
      log.append(
          handoff("h1", "2026-11-20T10:00:00Z", "cancel my order", "customer asked for a person"));
      log.append(
          RequestRecord.builder()
              .id("l1")
              .time(Instant.parse("2026-11-20T11:00:00Z"))
              .route(Route.LOCAL)
              .requestText("where is my order")
              .build());
      log.append(handoff("h2", "2026-11-21T10:00:00Z", "my bike was stolen", "out of scope"));
    }
  }

  private static RequestRecord handoff(String id, String time, String text, String reason) {
    return RequestRecord.builder()
        .id(id)
        .time(Instant.parse(time))
        .apiKeyId("web")
        .route(Route.HANDOFF)
        .specialist("intent", "intent@abc", "speak_to_human", 0.97)
        .requestText(text)
        .reason(reason)
        .conversation(
            Json.mapper()
                .createArrayNode()
                .add(Json.mapper().createObjectNode().put("role", "user").put("content", text))
                .toString())
        .build();
  }

  @Test
  void listShowsOpenHandoffsOldestFirst() {
    Cli.Result r = Cli.run("handoffs", "list", "--data-dir", data);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outLines()).hasSize(3);
    assertThat(r.outLines().get(1)).startsWith("h1 ").contains("open", "cancel my order");
    assertThat(r.outLines().get(2)).startsWith("h2 ").contains("my bike was stolen");
  }

  @Test
  void showPrintsTheConversationAsJson() throws IOException {
    Cli.Result r = Cli.run("handoffs", "show", "h2", "--data-dir", data);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode h = Json.mapper().readTree(r.out());
    assertThat(h.get("request_id").asText()).isEqualTo("h2");
    assertThat(h.get("reason").asText()).isEqualTo("out of scope");
    assertThat(h.get("confidence").asDouble()).isEqualTo(0.97);
    assertThat(h.get("messages").get(0).get("content").asText()).isEqualTo("my bike was stolen");
    assertThat(h.get("open").asBoolean()).isTrue();
  }

  @Test
  void resolveRemovesAHandoffFromTheOpenList() throws IOException {
    Cli.Result resolved =
        Cli.run(
            "handoffs", "resolve", "h1", "--by", "dana", "--note", "refunded", "--data-dir", data);
    Cli.Result open = Cli.run("handoffs", "list", "--json", "--data-dir", data);
    Cli.Result all = Cli.run("handoffs", "list", "--all", "--json", "--data-dir", data);

    assertThat(resolved.exitCode()).as(resolved.toString()).isZero();
    assertThat(resolved.out()).startsWith("resolved h1 by dana at ");
    assertThat(Json.mapper().readTree(open.out()).findValuesAsText("request_id"))
        .containsExactly("h2");
    JsonNode first = Json.mapper().readTree(all.out()).get(0);
    assertThat(first.get("resolved_by").asText()).isEqualTo("dana");
    assertThat(first.get("note").asText()).isEqualTo("refunded");
  }

  @Test
  void resolvingTwiceOrAnUnknownIdFailsClearly() {
    Cli.run("handoffs", "resolve", "h1", "--by", "dana", "--data-dir", data);

    Cli.Result again = Cli.run("handoffs", "resolve", "h1", "--data-dir", data);
    Cli.Result unknown = Cli.run("handoffs", "resolve", "l1", "--data-dir", data);

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).startsWith("error: the hand-off of h1 was already resolved by dana");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err())
        .isEqualTo(
            "error: no hand-off with request id 'l1' (see `scalpel handoffs list` for the open"
                + " ones)"
                + System.lineSeparator());
  }

  @Test
  void aDataDirWithoutALogFailsClearly() {
    Cli.Result r = Cli.run("handoffs", "list", "--data-dir", dir.resolve("empty").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: no request log at ");
  }
}
