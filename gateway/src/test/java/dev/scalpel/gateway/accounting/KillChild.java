package dev.scalpel.gateway.accounting;

import dev.scalpel.core.route.Route;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link KillTest} kills: appends rows from several virtual threads until killed,
 * printing each id on stdout only after {@link RequestLog#append} returned for it.
 */
final class KillChild {
  private KillChild() {}

  public static void main(String[] args) throws InterruptedException {
    Path dataDir = Path.of(args[0]);
    int writers = Integer.parseInt(args[1]);
    PrintStream out = System.out;
    RequestLog log = RequestLog.open(dataDir);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      threads.add(
          Thread.ofVirtual()
              .start(() -> {
                for (int i = 0; i < 1_000_000; i++) {
                  String id = String.format("kill-%02d-%06d", writer, i);
                  log.append(
                      Records.record(
                          id, Instant.now(), "k" + writer, Route.LOCAL, "greet", 0, 0.001));
                  synchronized (out) {
                    out.println(id);
                    out.flush();
                  }
                }
              }));
    }
    for (Thread t : threads) {
      t.join();
    }
    log.close();
  }
}
