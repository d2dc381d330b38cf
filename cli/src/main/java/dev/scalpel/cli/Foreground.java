package dev.scalpel.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a server command in the foreground until the JVM is asked to stop, then closes the server
 * gracefully.
 */
final class Foreground {
  private Foreground() {}

  static void runUntilStopped(Runnable close) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    close.run();
                  } finally {
                    stopped.countDown();
                  }
                },
                "scalpel-shutdown"));
    stopped.await();
  }
}
