package dev.scalpel.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review queue over a real request log: grouping, counts, exclusion and export. */
class ReviewQueueTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @TempDir Path dir;
  private ReviewQueue queue;

  @BeforeEach
  void logRequests() {
    try (RequestLog log = RequestLog.open(dir)) {
      log.append(row("a1", "09:00", Route.ESCALATED, "Where is my  ORDER?", "abstained", 200));
      log.append(row("a2", "10:00", Route.HANDOFF, "where is my order?", "out of scope", 200));
      log.append(row("a3", "11:00", Route.ESCALATED, "  where is\tmy order? ", "abstained", 200));
      log.append(row("b1", "09:30", Route.ESCALATED, "my bike was stolen", "out of scope", 200));
      log.append(row("l1", "09:40", Route.LOCAL, "where is my order?", "", 200));
      log.append(row("f1", "09:50", Route.ESCALATED, "upstream down", "abstained", 502));
      log.append(
          RequestRecord.builder()
              .id("t1")
              .time(Instant.parse("2026-11-21T09:55:00Z"))
              .apiKeyId(ReviewQueue.TEACHER_KEY_ID)
              .route(Route.ESCALATED)
              .requestText("teacher call")
              .build());
    }
    queue = ReviewQueue.open(dir, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static RequestRecord row(
      String id, String time, Route route, String text, String reason, int status) {
    return RequestRecord.builder()
        .id(id)
        .time(Instant.parse("2026-11-21T" + time + ":00Z"))
        .apiKeyId("web")
        .route(route)
        .specialist("intent", "intent-1", id.startsWith("a") ? "track_" + id : "other", 0.4)
        .requestText(text)
        .reason(reason)
        .status(status)
        .build();
  }

  @Test
  void groupsEscalationsAndHandoffsByNormalizedText() {
    List<ReviewItem> items = queue.list(false, 10);

    assertThat(items)
        .extracting(ReviewItem::key)
        .containsExactly("where is my order?", "my bike was stolen");
    ReviewItem order = items.get(0);
    assertThat(order.id()).isEqualTo(ReviewLabels.idOf("where is my order?")).hasSize(10);
    assertThat(order.count()).isEqualTo(3);
    assertThat(order.firstSeen()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
    assertThat(order.lastSeen()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
    assertThat(order.text()).isEqualTo("  where is\tmy order? ");
    assertThat(order.proposedLabel()).isEqualTo("track_a3");
    assertThat(order.confidence()).isEqualTo(0.4);
    assertThat(order.reasons()).containsExactly("abstained", "out of scope");
    assertThat(order.status()).isEqualTo("open");
    assertThat(items.get(1).count()).isEqualTo(1);
    assertThat(queue.list(false, 1)).hasSize(1);
  }

  @Test
  void labeledAndSkippedItemsLeaveTheDefaultList() {
    String order = ReviewLabels.idOf("where is my order?");
    ReviewItem labeled = queue.label(order, "track_order", "dana", "obvious");
    ReviewItem skipped = queue.skip("My bike was  stolen", "dana", "");

    assertThat(labeled.status()).isEqualTo("labeled");
    assertThat(labeled.label()).isEqualTo("track_order");
    assertThat(labeled.source()).isEqualTo("person");
    assertThat(labeled.decidedBy()).isEqualTo("dana");
    assertThat(labeled.note()).isEqualTo("obvious");
    assertThat(labeled.decidedAt()).isEqualTo(NOW);
    assertThat(skipped.status()).isEqualTo("skipped");
    assertThat(queue.list(false, 10)).isEmpty();
    assertThat(queue.list(true, 10))
        .extracting(ReviewItem::status)
        .containsExactly("labeled", "skipped");
    assertThat(queue.labeledExamples(Instant.EPOCH))
        .containsExactly(
            new LabeledExample("  where is\tmy order? ", "track_order", "person", NOW));
    assertThat(queue.labeledExamples(NOW.plusMillis(1))).isEmpty();
  }

  @Test
  void aPersonAgreeingWithTheTeacherGivesSourceBoth() {
    ReviewItem order = queue.find("where is my order?").orElseThrow();
    ReviewItem bike = queue.find("my bike was stolen").orElseThrow();
    queue.recordTeacher(order, "track_order", "gpt-x");
    queue.recordTeacher(bike, "oos", "gpt-x");

    ReviewItem proposed = queue.find(order.id()).orElseThrow();
    assertThat(proposed.status()).isEqualTo("proposed");
    assertThat(proposed.label()).isEqualTo("track_order");
    assertThat(proposed.source()).isEqualTo("teacher");
    assertThat(proposed.teacherModel()).isEqualTo("gpt-x");
    assertThat(queue.list(false, 10)).hasSize(2);
    assertThat(queue.labeledExamples(Instant.EPOCH)).isEmpty();

    assertThat(queue.label(order.id(), "track_order", "dana", "").source()).isEqualTo("both");
    ReviewItem overruled = queue.label(bike.id(), "new: report_theft", "dana", "");
    assertThat(overruled.source()).isEqualTo("person");
    assertThat(overruled.label()).isEqualTo("new:report_theft");
    assertThat(overruled.teacherLabel()).isEqualTo("oos");
  }

  @Test
  void unknownIdsAndMalformedLabelsFailClearly() {
    String order = ReviewLabels.idOf("where is my order?");

    assertThatThrownBy(() -> queue.label("0000000000", "x", "dana", ""))
        .isInstanceOf(ReviewException.class)
        .hasMessage("no review item '0000000000' (see `scalpel review list --all` for the ids)");
    assertThatThrownBy(() -> queue.label(order, "two words", "dana", ""))
        .isInstanceOf(ReviewException.class)
        .hasMessageStartingWith("'two words' is not a label");
    assertThat(queue.find(order).orElseThrow().status()).isEqualTo("open");
  }
}
