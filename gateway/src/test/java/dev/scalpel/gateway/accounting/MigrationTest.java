package dev.scalpel.gateway.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.core.route.Route;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema is created by Flyway once, recorded, and reopened as it is; WAL and sync modes. */
class MigrationTest {
  @TempDir Path dir;

  @Test
  void migrationsRunOnceAndAreRecorded() throws SQLException {
    Path file;
    try (RequestLog log = RequestLog.open(dir)) {
      file = log.file();
      log.append(Records.simple("m1"));
    }
    try (RequestLog log = RequestLog.open(dir)) {
      log.append(Records.simple("m2"));
      assertThat(log.count()).isEqualTo(2);
    }
    try (RequestLog log = RequestLog.open(dir)) {
      assertThat(log.count()).isEqualTo(2);
    }

    assertThat(
            SqliteRows.rows(
                file,
                "SELECT version, description, script, success FROM flyway_schema_history"
                    + " ORDER BY installed_rank"))
        .containsExactly(
            "1|request log|V1__request_log.sql|1",
            "2|route reason and handoffs|V2__route_reason_and_handoffs.sql|1",
            "3|keys and budgets|V3__keys_and_budgets.sql|1",
            "4|review queue|V4__review_queue.sql|1");
    assertThat(
            SqliteRows.rows(
                file,
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'request_log'"
                    + " AND sql IS NOT NULL ORDER BY name"))
        .containsExactly("request_log_key_time", "request_log_route_time", "request_log_time");
  }

  @Test
  void aVersionOneLogKeepsItsRowsWhenMigrated() throws Exception {
    Path file = RequestLog.databaseFile(dir);
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + file, null, null)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO request_log (id, time_ms, route, tokens_in, tokens_out, cost_nano_usd,"
              + " counterfactual_cost_nano_usd, latency_ms, status, request_text)"
              + " VALUES ('old', 1700000000000, 'local', 5, 7, 0, 1000, 1.5, 200, 'hello')");
    }

    try (RequestLog log = RequestLog.open(dir)) {
      RequestRecord old = log.find("old").orElseThrow();
      assertThat(old.requestText()).isEqualTo("hello");
      assertThat(old.reason()).isEmpty();
      assertThat(old.conversation()).isEmpty();
      log.append(
          RequestRecord.builder()
              .id("new")
              .time(Records.T0)
              .route(Route.ESCALATED)
              .reason("out of scope")
              .build());
      assertThat(log.find("new").orElseThrow().reason()).isEqualTo("out of scope");
    }
  }

  @Test
  void theDatabaseIsInWalMode() throws SQLException {
    Path file;
    try (RequestLog log = RequestLog.open(dir)) {
      file = log.file();
    }

    assertThat(SqliteRows.rows(file, "PRAGMA journal_mode")).containsExactly("wal");
  }

  @Test
  void synchronousIsNormalByDefaultAndFullForDurableSync() {
    try (SqliteRequestLog log =
        SqliteRequestLog.open(RequestLog.databaseFile(dir), RequestLogOptions.defaults())) {
      assertThat(log.synchronous()).isEqualTo("1");
    }
    try (SqliteRequestLog log =
        SqliteRequestLog.open(
            RequestLog.databaseFile(dir), RequestLogOptions.defaults().withDurableSync(true))) {
      assertThat(log.synchronous()).isEqualTo("2");
      log.append(Records.simple("d1"));
      assertThat(log.count()).isEqualTo(1);
    }
  }
}
