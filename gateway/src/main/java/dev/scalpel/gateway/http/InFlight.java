package dev.scalpel.gateway.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests in flight so that shutdown can wait for them: once draining, new requests get 503
 * in OpenAI's shape, and {@link #drain} returns when the last request in flight has finished (or
 * the timeout passed).
 */
final class InFlight {
  private final ResponseWriter writer;
  private final AtomicInteger running = new AtomicInteger();
  private final Object finished = new Object();
  private volatile boolean draining;

  InFlight(ResponseWriter writer) {
    this.writer = writer;
  }

  Handler track(Handler handler) {
    return ctx -> {
      running.incrementAndGet();
      try {
        if (draining) {
          refuse(ctx);
        } else {
          handler.handle(ctx);
        }
      } finally {
        if (running.decrementAndGet() == 0) {
          synchronized (finished) {
            finished.notifyAll();
          }
        }
      }
    };
  }

  void drain(Duration timeout) {
    draining = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (finished) {
      while (running.get() > 0) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return;
        }
        try {
          finished.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void refuse(Context ctx) {
    ctx.header("Connection", "close");
    writer.error(
        ctx,
        new ApiException(
            503,
            "server_error",
            "shutting_down",
            "",
            "the gateway is shutting down; retry on another replica"));
  }
}
