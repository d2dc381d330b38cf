package dev.scalpel.bench.gateway;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A closed-loop load generator: each connection is its own JDK HttpClient (HTTP/1.1, keep-alive)
 * driven by one platform thread that sends its next request as soon as the previous answer is
 * complete. Every connection first sends a few untimed warm-up requests (which also open the
 * connection); then all start together and run until the duration is over or the per-connection
 * request cap is reached.
 */
final class LoadGenerator {
  private LoadGenerator() {}

  static LoadResult run(
      Call call, int connections, Duration duration, int warmupPerConnection, int maxPerConnection)
      throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(connections);
    CountDownLatch go = new CountDownLatch(1);
    List<Worker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Worker w = new Worker(call, i, warmupPerConnection, maxPerConnection, ready, go);
      workers.add(w);
      threads.add(Thread.ofPlatform().name("load-" + i).daemon().unstarted(w));
    }
    threads.forEach(Thread::start);
    ready.await();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    workers.forEach(w -> w.deadline = deadline); // published to the workers by go.countDown()
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    return merge(workers, connections, start);
  }

  private static LoadResult merge(List<Worker> workers, int connections, long start) {
    int n = workers.stream().mapToInt(w -> w.count).sum();
    long[] first = new long[n];
    long[] total = new long[n];
    int at = 0;
    long end = start;
    long failures = 0;
    long unexpected = 0;
    Map<Integer, Long> statuses = new HashMap<>();
    String problem = "";
    for (Worker w : workers) {
      System.arraycopy(w.first, 0, first, at, w.count);
      System.arraycopy(w.total, 0, total, at, w.count);
      at += w.count;
      end = Math.max(end, w.end);
      failures += w.failures;
      unexpected += w.unexpected;
      w.statuses.forEach((s, c) -> statuses.merge(s, c, Long::sum));
      if (problem.isEmpty()) {
        problem = w.problem;
      }
    }
    return new LoadResult(
        connections,
        Math.max(1, end - start) / 1e9,
        n,
        Latencies.of(first, n),
        Latencies.of(total, n),
        failures,
        unexpected,
        statuses,
        problem);
  }

  private static final class Worker implements Runnable {
    private final Call call;
    private final int id;
    private final int warmup;
    private final int max;
    private final CountDownLatch ready;
    private final CountDownLatch go;
    private long deadline;
    private long[] first = new long[4096];
    private long[] total = new long[4096];
    private int count;
    private long failures;
    private long unexpected;
    private final Map<Integer, Long> statuses = new HashMap<>();
    private String problem = "";
    private long end;

    Worker(Call call, int id, int warmup, int max, CountDownLatch ready, CountDownLatch go) {
      this.call = call;
      this.id = id;
      this.warmup = warmup;
      this.max = max;
      this.ready = ready;
      this.go = go;
    }

    @Override
    public void run() {
      // The completions run on the selector thread (no hand-off to a pool), as Scalpel's own
      // upstream client does; the same client serves both targets, so the comparison is fair.
      try (HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .executor(Runnable::run)
              .build()) {
        long sequence = (long) id * 7919;
        try {
          for (int i = 0; i < warmup; i++) {
            attempt(client, sequence++, false);
          }
        } finally {
          ready.countDown();
        }
        go.await();
        while (count < max && System.nanoTime() < deadline) {
          attempt(client, sequence++, true);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        end = System.nanoTime();
      }
    }

    private void attempt(HttpClient client, long sequence, boolean timed)
        throws InterruptedException {
      Call.Outcome outcome;
      try {
        outcome = call.send(client, sequence);
      } catch (IOException | RuntimeException e) {
        // Counted and described in the results rather than ending this connection's loop.
        failures++;
        note("no answer: " + e);
        return;
      }
      if (!outcome.expected()) {
        unexpected++;
        note("unexpected answer with status " + outcome.status());
      }
      if (!timed) {
        return;
      }
      statuses.merge(outcome.status(), 1L, Long::sum);
      if (count == first.length) {
        first = Arrays.copyOf(first, count * 2);
        total = Arrays.copyOf(total, count * 2);
      }
      first[count] = outcome.firstNanos();
      total[count] = outcome.totalNanos();
      count++;
    }

    private void note(String what) {
      if (problem.isEmpty()) {
        problem = what;
      }
    }
  }
}
