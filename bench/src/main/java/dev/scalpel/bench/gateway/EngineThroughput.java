package dev.scalpel.bench.gateway;

import dev.scalpel.learn.Specialist;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The specialist engine's own classification throughput, the yardstick of locally answered
 * requests: threads in this process classifying texts in a closed loop, no HTTP, no accounting.
 */
final class EngineThroughput {
  private EngineThroughput() {}

  static LoadResult measure(
      Specialist specialist, List<String> texts, int threads, Duration duration, int maxPerThread)
      throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      specialist.classify(texts.get(i % texts.size()));
    }
    CountDownLatch go = new CountDownLatch(1);
    long[][] nanos = new long[threads][];
    int[] counts = new int[threads];
    long[] ends = new long[threads];
    long[] deadline = new long[1];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      nanos[t] = new long[0];
      workers.add(
          Thread.ofPlatform()
              .name("classify-" + t)
              .daemon()
              .start(() -> {
                long[] mine = new long[4096];
                int n = 0;
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                while (n < maxPerThread && System.nanoTime() < deadline[0]) {
                  long start = System.nanoTime();
                  specialist.classify(texts.get((me * 7919 + n) % texts.size()));
                  if (n == mine.length) {
                    mine = Arrays.copyOf(mine, n * 2);
                  }
                  mine[n++] = System.nanoTime() - start;
                }
                nanos[me] = mine;
                counts[me] = n;
                ends[me] = System.nanoTime();
              }));
    }
    long start = System.nanoTime();
    deadline[0] = start + duration.toNanos();
    go.countDown();
    for (Thread w : workers) {
      w.join();
    }
    int n = Arrays.stream(counts).sum();
    long[] all = new long[n];
    int at = 0;
    long end = start;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(nanos[t], 0, all, at, counts[t]);
      at += counts[t];
      end = Math.max(end, ends[t]);
    }
    Latencies latencies = Latencies.of(all, n);
    return new LoadResult(
        threads, (end - start) / 1e9, n, latencies, latencies, 0, 0, Map.of(), "");
  }
}
