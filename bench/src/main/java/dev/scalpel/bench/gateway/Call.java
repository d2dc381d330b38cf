package dev.scalpel.bench.gateway;

import java.io.IOException;
import java.net.http.HttpClient;

/** One kind of request the load generator sends, timed and judged by the caller's rules. */
@FunctionalInterface
interface Call {
  /**
   * Sends request number {@code sequence} on {@code client} and waits for the whole answer.
   *
   * @throws IOException when no answer came (connection refused or reset, timeout)
   */
  Outcome send(HttpClient client, long sequence) throws IOException, InterruptedException;

  /**
   * What one request took: {@code firstNanos} until the first chunk (the whole answer when not
   * streamed), {@code totalNanos} until the end, the HTTP status, and whether the answer was the
   * one expected (status 200, route header, complete body).
   */
  record Outcome(long firstNanos, long totalNanos, int status, boolean expected) {
    public Outcome {
      if (firstNanos < 0 || totalNanos < firstNanos) {
        throw new IllegalArgumentException(
            "expected 0 <= firstNanos <= totalNanos, found " + firstNanos + " and " + totalNanos);
      }
    }
  }
}
