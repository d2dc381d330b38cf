package dev.scalpel.gateway.accounting;

import java.time.Duration;
import java.util.Objects;

/**
 * How the request log writes. The defaults survive a kill of the gateway process: every appended
 * row is committed to SQLite's write-ahead log before {@link RequestLog#append} returns ({@code
 * synchronous=NORMAL}). {@code durableSync} also survives power loss, at the cost of an fsync per
 * commit ({@code synchronous=FULL}).
 *
 * @param durableSync fsync every commit (power-loss durability) instead of leaving it to the OS
 * @param queueCapacity appends that may wait for the writer before callers are refused
 * @param maxBatch most rows committed in one transaction
 * @param writeTimeout how long an append may wait for a queue slot or a database lock
 */
public record RequestLogOptions(
    boolean durableSync, int queueCapacity, int maxBatch, Duration writeTimeout) {

  public RequestLogOptions {
    Objects.requireNonNull(writeTimeout, "writeTimeout");
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, found " + queueCapacity);
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be >= 1, found " + maxBatch);
    }
    if (writeTimeout.isNegative() || writeTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "writeTimeout must be between 0 and " + Integer.MAX_VALUE + " ms, found " + writeTimeout);
    }
  }

  /** Kill-safe, not power-loss-safe; 4096 queued appends, batches of up to 512, 5 s timeout. */
  public static RequestLogOptions defaults() {
    return new RequestLogOptions(false, 4096, 512, Duration.ofSeconds(5));
  }

  public RequestLogOptions withDurableSync(boolean durableSync) {
    return new RequestLogOptions(durableSync, queueCapacity, maxBatch, writeTimeout);
  }

  public RequestLogOptions withWriteTimeout(Duration writeTimeout) {
    return new RequestLogOptions(durableSync, queueCapacity, maxBatch, writeTimeout);
  }
}
