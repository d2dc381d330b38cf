package dev.scalpel.gateway.accounting;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Group commit: callers queue rows; one platform thread takes whatever is queued (up to {@code
 * maxBatch}), inserts it in one transaction, commits, and only then completes each caller's future.
 * Under load many appends share one commit (and, with {@code synchronous=FULL}, one fsync); alone,
 * an append costs one commit. The queue is bounded: when it stays full for the write timeout, the
 * caller is refused rather than left waiting forever.
 */
final class GroupCommitWriter {
  private record Pending(RequestRecord record, CompletableFuture<Void> done) {}

  private static final Pending STOP = new Pending(null, null);
  private static final String INSERT = RequestRows.INSERT + " ON CONFLICT (id) DO NOTHING";

  private final Path file;
  private final Connection connection;
  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final long writeTimeoutMs;
  // Submitters hold the read side while queueing; close() takes the write side to stop them.
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;
  private volatile SQLException closeFailure;

  private GroupCommitWriter(Path file, Connection connection, RequestLogOptions options) {
    this.file = file;
    this.connection = connection;
    this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
    this.maxBatch = options.maxBatch();
    this.writeTimeoutMs = options.writeTimeout().toMillis();
    this.thread =
        Thread.ofPlatform().name("scalpel-request-log-writer").daemon(true).unstarted(this::run);
  }

  /** Starts a writer that owns {@code connection} (autocommit off) and closes it when stopped. */
  static GroupCommitWriter start(Path file, Connection connection, RequestLogOptions options) {
    GroupCommitWriter writer = new GroupCommitWriter(file, connection, options);
    writer.thread.start();
    return writer;
  }

  /** Queues {@code record}; the future completes once its row is committed. */
  CompletableFuture<Void> submit(RequestRecord record) {
    Pending pending = new Pending(record, new CompletableFuture<>());
    gate.readLock().lock();
    try {
      if (closed) {
        throw new RequestLogException(
            file + ": the request log is closed; cannot append request " + record.id());
      }
      if (!queue.offer(pending, writeTimeoutMs, TimeUnit.MILLISECONDS)) {
        throw new RequestLogException(
            file
                + ": the request log is not keeping up ("
                + queue.size()
                + " appends still queued after "
                + writeTimeoutMs
                + " ms); cannot append request "
                + record.id());
      }
      accepted.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RequestLogException(
          file + ": interrupted while queueing request " + record.id() + " for the log", e);
    } finally {
      gate.readLock().unlock();
    }
    return pending.done();
  }

  /** Commits everything queued, stops the thread and closes the connection. Idempotent. */
  void close() {
    boolean first;
    gate.writeLock().lock();
    try {
      first = !closed;
      closed = true;
    } finally {
      gate.writeLock().unlock();
    }
    boolean interrupted = false;
    if (first) {
      while (true) {
        try {
          queue.put(STOP);
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    SQLException failure = closeFailure;
    if (failure != null) {
      throw new RequestLogException(
          file + ": cannot close the request log (" + failure.getMessage() + ")", failure);
    }
  }

  /** Transactions committed so far (for tests of the batching). */
  long commits() {
    return commits.get();
  }

  /** Appends queued so far (for tests of the batching). */
  long accepted() {
    return accepted.get();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    boolean stop = false;
    while (!stop) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // Nobody interrupts this thread; close() stops it with STOP.
      }
      queue.drainTo(batch, maxBatch - 1);
      stop = batch.remove(STOP);
      if (!batch.isEmpty()) {
        commit(batch);
      }
      batch.clear();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      closeFailure = e;
    }
  }

  private void commit(List<Pending> batch) {
    boolean[] inserted = new boolean[batch.size()];
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (int i = 0; i < batch.size(); i++) {
        RequestRows.bind(insert, batch.get(i).record());
        inserted[i] = insert.executeUpdate() == 1;
      }
      connection.commit();
      commits.incrementAndGet();
    } catch (SQLException | RuntimeException e) {
      rollback(e);
      RequestLogException failure =
          new RequestLogException(
              file
                  + ": cannot write the request log ("
                  + e.getMessage()
                  + "); "
                  + batch.size()
                  + " request(s) not logged",
              e);
      batch.forEach(p -> p.done().completeExceptionally(failure));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      if (inserted[i]) {
        p.done().complete(null);
      } else {
        p.done()
            .completeExceptionally(
                new RequestLogException(
                    file + ": request id " + p.record().id() + " is already logged"));
      }
    }
  }

  private void rollback(Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
