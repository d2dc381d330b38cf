package dev.scalpel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scalpel forget}: what it erases, what it says, and its usage errors. */
class ForgetCommandTest {
  @TempDir Path dir;
  private String data;

  @BeforeEach
  void logTwoRequests() {
    data = dir.resolve("data").toString();
    try (RequestLog log = RequestLog.open(Path.of(data))) {
      for (String id : new String[] {"r1", "r2"}) {
        log.append(
            RequestRecord.builder()
                .id(id)
                .time(Instant.parse("2026-11-20T10:00:00Z"))
                .apiKeyId("web")
                .route(Route.LOCAL)
                .requestText("order for dana@example.org")
                .build());
      }
    }
  }

  @Test
  void forgetsByKeyAndSaysHowMany() {
    Cli.Result r = Cli.run("forget", "--key", "web", "--data-dir", data);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo("erased the stored text of 2 requests (API key web)" + System.lineSeparator());
    try (RequestLog log = RequestLog.open(Path.of(data))) {
      assertThat(log.find("r1").orElseThrow().requestText()).isEmpty();
    }
  }

  @Test
  void forgetsOneRequest() {
    Cli.Result r = Cli.run("forget", "--request", "r2", "--data-dir", data);

    assertThat(r.out())
        .isEqualTo("erased the stored text of 1 request (request r2)" + System.lineSeparator());
  }

  @Test
  void exactlyOneTargetIsAUsageRule() {
    assertThat(Cli.run("forget", "--data-dir", data).exitCode()).isEqualTo(2);
    assertThat(Cli.run("forget", "--key", "web", "--match", "x", "--data-dir", data).exitCode())
        .isEqualTo(2);
  }

  @Test
  void aDataDirWithoutALogFailsClearly() {
    Cli.Result r = Cli.run("forget", "--key", "web", "--data-dir", dir.resolve("none").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: no request log at ");
  }
}
