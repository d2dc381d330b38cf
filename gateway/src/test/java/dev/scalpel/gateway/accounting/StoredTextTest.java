package dev.scalpel.gateway.accounting;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.core.route.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erasing stored text by request, key, match and age; the rows and their costs stay. */
class StoredTextTest {
  private static final String SECRET_TEXT = "my address is 12 Quiet Lane, Springfield";

  @TempDir Path dir;

  @BeforeEach
  void logRequests() {
    try (RequestLog log = RequestLog.open(dir)) {
      log.append(row("a", "2026-11-01T10:00:00Z", "web", SECRET_TEXT));
      log.append(row("b", "2026-11-20T10:00:00Z", "web", "where is my order"));
      log.append(row("c", "2026-11-21T10:00:00Z", "app", "Quiet Lane again"));
    }
  }

  private static RequestRecord row(String id, String time, String key, String text) {
    return RequestRecord.builder()
        .id(id)
        .time(Instant.parse(time))
        .apiKeyId(key)
        .route(Route.HANDOFF)
        .cost(0, 0.002)
        .requestText(text)
        .conversation("[{\"role\":\"user\",\"content\":\"" + text + "\"}]")
        .build();
  }

  private RequestRecord find(String id) {
    try (RequestLog log = RequestLog.open(dir)) {
      return log.find(id).orElseThrow();
    }
  }

  @Test
  void forgettingARequestErasesItsTextOnlyAndLeavesNoCopyInTheFiles() throws IOException {
    assertThat(StoredText.open(dir).forgetRequest("a")).isEqualTo(1);

    RequestRecord a = find("a");
    assertThat(a.requestText()).isEmpty();
    assertThat(a.conversation()).isEmpty();
    assertThat(a.counterfactualCostUsd()).isEqualTo(0.002);
    assertThat(find("b").requestText()).isEqualTo("where is my order");
    for (String name : new String[] {"scalpel.db", "scalpel.db-wal"}) {
      Path file = dir.resolve(name);
      if (Files.exists(file)) {
        assertThat(new String(Files.readAllBytes(file), UTF_8)).doesNotContain("12 Quiet Lane");
      }
    }
    assertThat(StoredText.open(dir).forgetRequest("a")).isZero();
  }

  @Test
  void forgettingARequestErasesTheReviewQueuesCopyOfItsText() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("scalpel.db"));
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO review_label (text_key, item_id, text, status, label, source, time_ms)"
              + " VALUES ('"
              + TextKey.of(SECRET_TEXT)
              + "', 'abc', '"
              + SECRET_TEXT
              + "', 'labeled', 'oos', 'person', 1)");
    }

    StoredText.open(dir).forgetRequest("a");

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("scalpel.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM review_label")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void forgettingAKeyErasesEveryRequestItMade() {
    assertThat(StoredText.open(dir).forgetKey("web")).isEqualTo(2);

    assertThat(find("c").requestText()).isEqualTo("Quiet Lane again");
  }

  @Test
  void forgettingAMatchIgnoresCase() {
    assertThat(StoredText.open(dir).forgetMatching("quiet lane")).isEqualTo(2);

    assertThat(find("b").requestText()).isEqualTo("where is my order");
  }

  @Test
  void retentionErasesTextOlderThanTheCutoff() {
    assertThat(StoredText.open(dir).expire(Instant.parse("2026-11-20T12:00:00Z"))).isEqualTo(2);

    assertThat(find("a").requestText()).isEmpty();
    assertThat(find("b").requestText()).isEmpty();
    assertThat(find("c").requestText()).isEqualTo("Quiet Lane again");
  }
}
