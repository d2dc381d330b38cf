package dev.scalpel.gateway.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema is created by Flyway once, recorded, and reopened as it is; WAL and sync modes. */
class MigrationTest {
  @TempDir Path dir;

  private static List<String> rows(Path file, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

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
            rows(
                file,
                "SELECT version, description, script, success FROM flyway_schema_history"
                    + " ORDER BY installed_rank"))
        .containsExactly(
            "1|request log|V1__request_log.sql|1", "3|keys and budgets|V3__keys_and_budgets.sql|1");
    assertThat(
            rows(
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

    assertThat(rows(file, "PRAGMA journal_mode")).containsExactly("wal");
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
