package dev.scalpel.gateway.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent appends through the single writer: each stored once, batched, failures clear. */
@Timeout(120)
class GroupCommitTest {
  private static final int N = 200;

  @TempDir Path dir;

  private static Connection connect(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  private static void lock(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
    }
  }

  private static void unlock(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ROLLBACK");
    }
  }

  private static List<Future<?>> appendAll(ExecutorService threads, RequestLog log, int n) {
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RequestRecord r = Records.simple(String.format("c%03d", i));
      futures.add(threads.submit(() -> log.append(r)));
    }
    return futures;
  }

  @Test
  void concurrentAppendsFromVirtualThreadsAreEachStoredOnce() throws Exception {
    try (RequestLog log = RequestLog.open(dir)) {
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (Future<?> f : appendAll(threads, log, N)) {
          f.get();
        }
      }

      assertThat(log.count()).isEqualTo(N);
      try (Connection c = connect(log.file());
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT COUNT(DISTINCT id), MIN(id), MAX(id) FROM request_log")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(N);
        assertThat(rs.getString(2)).isEqualTo("c000");
        assertThat(rs.getString(3)).isEqualTo("c199");
      }
    }
  }

  @Test
  void appendsThatQueueBehindALockShareOneCommit() throws Exception {
    RequestLogOptions options =
        RequestLogOptions.defaults().withWriteTimeout(Duration.ofSeconds(60));
    try (SqliteRequestLog log = SqliteRequestLog.open(RequestLog.databaseFile(dir), options);
        Connection other = connect(log.file())) {
      lock(other);
      List<Future<?>> futures;
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        futures = appendAll(threads, log, N);
        while (log.writer().accepted() < N) {
          Thread.sleep(5);
        }
        assertThat(futures).noneMatch(Future::isDone);
        assertThat(log.count()).isZero();

        unlock(other);
        for (Future<?> f : futures) {
          f.get();
        }
      }

      // The writer took the first append (and whatever had arrived) while the lock was held; the
      // rest, all queued by then, fit one batch.
      assertThat(log.writer().commits()).isBetween(1L, 2L);
      assertThat(log.count()).isEqualTo(N);
    }
  }

  @Test
  void aLockedDatabaseFailsTheAppendClearlyAndTheLogRecovers() throws Exception {
    RequestLogOptions options =
        RequestLogOptions.defaults().withWriteTimeout(Duration.ofMillis(200));
    try (RequestLog log = RequestLog.open(dir, options);
        Connection other = connect(log.file())) {
      lock(other);

      assertThatThrownBy(() -> log.append(Records.simple("x1")))
          .isInstanceOf(RequestLogException.class)
          .hasMessageStartingWith(log.file() + ": cannot write the request log (")
          .hasMessageContaining("database is locked")
          .hasMessageEndingWith("); 1 request(s) not logged");

      unlock(other);
      log.append(Records.simple("x2"));
      assertThat(log.find("x1")).isEmpty();
      assertThat(log.find("x2")).isPresent();
    }
  }

  @Test
  void aFullQueueRefusesAppendsInsteadOfWaitingForever() throws Exception {
    RequestLogOptions options = new RequestLogOptions(false, 1, 1, Duration.ofMillis(500));
    try (RequestLog log = RequestLog.open(dir, options);
        Connection other = connect(log.file())) {
      lock(other);
      List<String> messages = new ArrayList<>();
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        // One append at the (stuck) writer and one in the queue; the others wait for a slot that
        // frees only when the writer gives up on its batch, about when their own wait ends.
        for (Future<?> f : appendAll(threads, log, 6)) {
          ExecutionException e = assertThrows(ExecutionException.class, f::get);
          assertThat(e.getCause()).isInstanceOf(RequestLogException.class);
          messages.add(e.getCause().getMessage());
        }
      }
      unlock(other);

      assertThat(messages)
          .allMatch(m ->
              m.startsWith(log.file() + ": cannot write the request log (")
                  || m.matches(
                      Pattern.quote(log.file().toString())
                          + ": the request log is not keeping up \\(\\d appends still queued"
                          + " after 500 ms\\); cannot append request c00\\d"));
      assertThat(messages).anyMatch(m -> m.contains("is not keeping up"));
      assertThat(log.count()).isZero();
    }
  }
}
