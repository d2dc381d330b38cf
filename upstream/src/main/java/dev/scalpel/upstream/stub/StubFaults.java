package dev.scalpel.upstream.stub;

import java.time.Duration;

/**
 * Switches the stub's faults and timing at runtime. Faults apply to {@code /v1/chat/completions}
 * and {@code /v1/embeddings}; a request's {@code x-stub-fault} header takes precedence over the
 * armed fault (and does not use it up). Thread-safe.
 */
public interface StubFaults {
  /** The next {@code times} requests get {@code fault}; replaces any armed fault. */
  void set(Fault fault, int times);

  /** Every request gets {@code fault} until {@link #clear()}. */
  void always(Fault fault);

  /** No armed fault. Timing settings stay. */
  void clear();

  /** A fixed delay before every answer ({@code x-stub-latency-ms} overrides it per request). */
  void latency(Duration delay);

  /** A delay between two streamed chunks, for slow streams and cancellation tests. */
  void chunkDelay(Duration delay);

  /** How many chunks {@link Fault#STREAM_BREAK} sends before closing (0 or more). */
  void streamBreakAfter(int chunks);

  /** How long {@link Fault#HANG} sleeps. */
  void hangFor(Duration duration);
}
