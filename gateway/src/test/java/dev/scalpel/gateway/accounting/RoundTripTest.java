package dev.scalpel.gateway.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.route.Route;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every field of a record comes back as it went in, across a reopen. */
class RoundTripTest {
  @TempDir Path dir;

  @Test
  void everyFieldSurvivesAReopen() {
    RequestRecord escalated =
        RequestRecord.builder()
            .id("01JD8X5QF7Z3T9V0K2M4N6P8R0")
            .time(Instant.parse("2026-11-02T08:15:30.250Z"))
            .apiKeyId("key-ops")
            .route(Route.ESCALATED)
            .specialist("intent", "intent-2026-11-01", "refund", 0.41)
            .upstream("large", "gpt-4o-2024-08-06")
            .tokens(1234, 567)
            .cost(0.0123, 0.0456)
            .latencyMs(812.375)
            .status(502)
            .error("upstream_error: connection reset")
            .requestText("my card <CARD_NUMBER> was charged twice — héllo")
            .build();
    RequestRecord passthrough =
        RequestRecord.builder().id("p1").time(Records.T0).route(Route.PASSTHROUGH).build();

    try (RequestLog log = RequestLog.open(dir)) {
      log.append(escalated);
      log.append(passthrough);
    }
    try (RequestLog log = RequestLog.open(dir)) {
      assertThat(log.find(escalated.id())).contains(escalated);
      assertThat(log.find("p1")).contains(passthrough);
      assertThat(log.find("p1").orElseThrow().confidence()).isNull();
      assertThat(log.find("nope")).isEmpty();
      assertThat(log.count()).isEqualTo(2);
    }
  }

  @Test
  void aDuplicateIdIsRefusedAndTheFirstRowKept() {
    try (RequestLog log = RequestLog.open(dir)) {
      RequestRecord first = Records.simple("dup");
      log.append(first);

      assertThatThrownBy(
              () -> log.append(Records.record("dup", Records.T0, "k9", Route.LOCAL, "", 1, 1)))
          .isInstanceOf(RequestLogException.class)
          .hasMessage(log.file() + ": request id dup is already logged");
      assertThat(log.find("dup")).contains(first);
      assertThat(log.count()).isEqualTo(1);
    }
  }

  @Test
  void appendAfterCloseFailsClearly() {
    RequestLog log = RequestLog.open(dir);
    log.close();
    log.close();

    assertThatThrownBy(() -> log.append(Records.simple("late")))
        .isInstanceOf(RequestLogException.class)
        .hasMessage(log.file() + ": the request log is closed; cannot append request late");
  }

  @Test
  void theFileIsScalpelDbInTheDataDirectory() {
    try (RequestLog log = RequestLog.open(dir.resolve("nested/data"))) {
      assertThat(log.file()).isEqualTo(dir.resolve("nested/data/scalpel.db").toAbsolutePath());
      assertThat(log.file()).exists();
    }
  }
}
