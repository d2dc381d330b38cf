package dev.scalpel.gateway.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;

/**
 * Counts requests in flight so that shutdown can wait for them: once draining, new requests get 503
 * in OpenAI's shape, and {@link #drain} returns when the last response in flight has been written
 * (or the timeout passed).
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
      // A request is finished when its response has been written to the end, which for a result
      // Javalin writes happens after the handler returns; stopping the server before then would
      // cut the response off.
      Request.addCompletionListener(
          ServletContextRequest.getServletContextRequest(ctx.req()), failure -> finished());
      if (draining) {
        refuse(ctx);
      } else {
        handler.handle(ctx);
      }
    };
  }

  private void finished() {
    if (running.decrementAndGet() == 0) {
      synchronized (finished) {
        finished.notifyAll();
      }
    }
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
