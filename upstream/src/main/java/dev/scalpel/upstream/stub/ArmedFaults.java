package dev.scalpel.upstream.stub;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@link StubFaults} as a fault with a remaining count, plus timing; and the stub's sleeps. */
final class ArmedFaults implements StubFaults {
  private static final Duration MAX_DELAY = Duration.ofMinutes(5);

  private final CountDownLatch stopping = new CountDownLatch(1);
  private Fault armed;
  private int remaining;
  private volatile Duration latency;
  private volatile Duration chunkDelay;
  private volatile Duration hangFor;
  private volatile int streamBreakAfter;

  ArmedFaults(StubOptions options) {
    this.latency = options.latency();
    this.chunkDelay = options.chunkDelay();
    this.hangFor = options.hangFor();
    this.streamBreakAfter = options.streamBreakAfter();
  }

  @Override
  public synchronized void set(Fault fault, int times) {
    if (fault == null || times < 1) {
      throw new IllegalArgumentException(
          "stub fault: expected a fault and times >= 1, found " + fault + " x " + times);
    }
    armed = fault;
    remaining = times;
  }

  @Override
  public void always(Fault fault) {
    set(fault, Integer.MAX_VALUE);
  }

  @Override
  public synchronized void clear() {
    armed = null;
    remaining = 0;
  }

  @Override
  public void latency(Duration delay) {
    latency = checkDuration("stub latency", delay);
  }

  @Override
  public void chunkDelay(Duration delay) {
    chunkDelay = checkDuration("stub chunk delay", delay);
  }

  @Override
  public void streamBreakAfter(int chunks) {
    if (chunks < 0) {
      throw new IllegalArgumentException("stub stream break: expected >= 0, found " + chunks);
    }
    streamBreakAfter = chunks;
  }

  @Override
  public void hangFor(Duration duration) {
    hangFor = checkDuration("stub hang", duration);
  }

  /** Uses up one request's worth of the armed fault. */
  synchronized Optional<Fault> take() {
    if (armed == null) {
      return Optional.empty();
    }
    Fault fault = armed;
    if (remaining != Integer.MAX_VALUE && --remaining == 0) {
      armed = null;
    }
    return Optional.of(fault);
  }

  Duration latency() {
    return latency;
  }

  Duration chunkDelay() {
    return chunkDelay;
  }

  Duration hangFor() {
    return hangFor;
  }

  int streamBreakAfter() {
    return streamBreakAfter;
  }

  /** Sleeps unless the stub stops first; returns false if it is stopping. */
  boolean sleep(Duration duration) throws InterruptedException {
    if (duration.isZero()) {
      return stopping.getCount() > 0;
    }
    return !stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Ends every sleep at once, so that stopping does not wait for hangs. */
  void stop() {
    stopping.countDown();
  }

  static Duration checkDuration(String what, Duration d) {
    if (d == null || d.isNegative() || d.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException(
          what + ": expected a duration from 0 to " + MAX_DELAY + ", found " + d);
    }
    return d;
  }
}
