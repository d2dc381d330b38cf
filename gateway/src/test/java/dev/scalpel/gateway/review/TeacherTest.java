package dev.scalpel.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.gateway.accounting.UsageGrouping;
import dev.scalpel.gateway.accounting.UsageQuery;
import dev.scalpel.gateway.accounting.UsageRow;
import dev.scalpel.upstream.Prices;
import dev.scalpel.upstream.Tier;
import dev.scalpel.upstream.Upstreams;
import dev.scalpel.upstream.stub.Fault;
import dev.scalpel.upstream.stub.StubLlm;
import dev.scalpel.upstream.stub.StubOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teacher labeling against the stub LLM over real HTTP, with a real request log. */
class TeacherTest {
  private static final List<String> LABELS = List.of("track_order", "cancel_order");

  @TempDir Path dir;

  /** Four texts seen once each, listed in this order (most recent first). */
  private void logFourTexts() {
    try (RequestLog log = RequestLog.open(dir)) {
      String[] texts = {"where is my order", "cancel it", "my bike was stolen", "rent a boat"};
      for (int i = 0; i < texts.length; i++) {
        log.append(
            RequestRecord.builder()
                .id("r" + i)
                .time(Instant.parse("2026-11-21T09:00:00Z").minusSeconds(i))
                .route(Route.ESCALATED)
                .requestText(texts[i])
                .reason("abstained")
                .build());
      }
    }
  }

  @Test
  void validAnswersBecomeProposalsAndTheCallIsAccounted() throws Exception {
    logFourTexts();
    String answer =
        "{\"labels\": [{\"i\": 1, \"label\": \"track_order\"}, {\"i\": 2, \"label\": \"refund\"},"
            + " {\"i\": 3, \"label\": \"none\"}, {\"i\": 4, \"label\": \"new: rent_boat\"},"
            + " {\"i\": 9, \"label\": \"track_order\"}]}";
    AtomicReference<JsonNode> asked = new AtomicReference<>();
    ReviewQueue queue = ReviewQueue.open(dir);
    try (StubLlm stub =
            StubLlm.start(
                StubOptions.defaults()
                    .withAnswer(request -> {
                      asked.set(request);
                      return answer;
                    }));
        Upstreams upstreams = Upstreams.builder().build();
        RequestLog log = RequestLog.open(dir)) {
      Tier tier =
          Tier.of("teacher", stub.baseUrl(), "big-model").withPrices(new Prices(1000, 2000));
      TeachReport report =
          Teacher.create(upstreams, tier, LABELS, queue, log, 10).teach(queue.list(false, 100));

      assertThat(report.labeled()).isEqualTo(3);
      assertThat(report.rejected()).isEqualTo(2);
      assertThat(report.unanswered()).isEqualTo(1);
      assertThat(report.calls()).isEqualTo(1);
      assertThat(report.succeeded()).isTrue();
      assertThat(report.tokensIn()).isPositive();
      assertThat(report.costUsd())
          .isEqualTo((report.tokensIn() * 1000 + report.tokensOut() * 2000) / 1e6);

      JsonNode request = asked.get();
      assertThat(request.get("model").asText()).isEqualTo("big-model");
      assertThat(request.get("response_format").get("type").asText()).isEqualTo("json_object");
      assertThat(request.get("messages").get(0).get("content").asText())
          .contains("track_order, cancel_order");
      JsonNode texts =
          Json.mapper().readTree(request.get("messages").get(1).get("content").asText());
      assertThat(texts.get("requests").findValuesAsText("text"))
          .containsExactly("where is my order", "cancel it", "my bike was stolen", "rent a boat");

      List<UsageRow> byLabel = log.usage(UsageQuery.allTime(UsageGrouping.LABEL));
      UsageRow teach =
          byLabel.stream()
              .filter(r -> r.group().equals(Teacher.ACCOUNTING_LABEL))
              .findFirst()
              .orElseThrow();
      assertThat(teach.requests()).isEqualTo(1);
      assertThat(teach.costUsd())
          .isCloseTo(report.costUsd(), org.assertj.core.data.Offset.offset(1e-9));
    }

    Map<String, String> labels =
        queue.list(false, 100).stream()
            .collect(Collectors.toMap(ReviewItem::key, i -> i.status() + " " + i.label()));
    assertThat(labels)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "where is my order", "proposed track_order",
                "cancel it", "open ",
                "my bike was stolen", "proposed oos",
                "rent a boat", "proposed new:rent_boat"));
  }

  @Test
  void textsAreSentInBatchesAndAFailedCallStopsTheRun() {
    logFourTexts();
    ReviewQueue queue = ReviewQueue.open(dir);
    try (StubLlm stub = StubLlm.start(StubOptions.defaults().withAnswer(r -> "{\"labels\": []}"));
        Upstreams upstreams = Upstreams.builder().build();
        RequestLog log = RequestLog.open(dir)) {
      Tier tier = Tier.of("teacher", stub.baseUrl(), "big-model").withMaxRetries(0);
      stub.faults().set(Fault.CONTEXT_LENGTH_EXCEEDED, 1);
      Teacher teacher = Teacher.create(upstreams, tier, LABELS, queue, log, 3);

      TeachReport failed = teacher.teach(queue.list(false, 100));
      TeachReport batched = teacher.teach(queue.list(false, 100));

      assertThat(failed.calls()).isEqualTo(1);
      assertThat(failed.succeeded()).isFalse();
      assertThat(failed.failure()).startsWith("tier 'teacher' failed (");
      assertThat(batched.calls()).isEqualTo(2);
      assertThat(batched.unanswered()).isEqualTo(4);
      assertThat(stub.requests()).hasSize(3);
      assertThat(
              log.usage(UsageQuery.allTime(UsageGrouping.LABEL)).stream()
                  .filter(r -> r.group().equals(Teacher.ACCOUNTING_LABEL))
                  .findFirst()
                  .orElseThrow()
                  .requests())
          .isEqualTo(3);
    }
  }
}
