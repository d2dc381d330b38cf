package dev.scalpel.gateway.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
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
            "1|request log|V1__request_log.sql|1", "3|keys and budgets|V3__keys_and_budgets.sql|1");
    assertThat(
            SqliteRows.rows(
                file,
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'request_log'"
                    + " AND sql IS NOT NULL ORDER BY name"))
        .containsExactly("request_log_key_time", "request_log_time");
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
