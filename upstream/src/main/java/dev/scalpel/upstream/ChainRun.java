package dev.scalpel.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call over a fallback chain: the fault table's loop of attempts, retries with backoff, circuit
 * checks and fallbacks, bounded by the deadline. Not thread-safe; one instance per call.
 */
final class ChainRun {
  private static final Logger LOG = LoggerFactory.getLogger(ChainRun.class);

  /** Makes one attempt against a tier with the given timeout. */
  interface Attempter {
    CallResult attempt(Tier tier, Duration timeout, long deadlineNanos);
  }

  /** Turns a successful attempt into an outcome, a broken stream into one. */
  interface Finisher {
    UpstreamOutcome completed(Tier tier, CallResult.Ok ok, List<Attempt> attempts);

    UpstreamOutcome broken(Tier tier, CallResult.Broken broken, List<Attempt> attempts);
  }

  private final Breakers breakers;
  private final RetryPolicy retryPolicy;
  private final Cancellation cancel;
  private final long deadlineNanos;
  private final List<Attempt> attempts = new ArrayList<>();
  private CallResult.Fail last;

  ChainRun(Breakers breakers, RetryPolicy retryPolicy, Cancellation cancel, long deadlineNanos) {
    this.breakers = breakers;
    this.retryPolicy = retryPolicy;
    this.cancel = cancel;
    this.deadlineNanos = deadlineNanos;
  }

  UpstreamOutcome over(List<Tier> chain, Attempter attempter, Finisher finisher) {
    for (Tier tier : chain) {
      Optional<UpstreamOutcome> outcome = onTier(tier, attempter, finisher);
      if (outcome.isPresent()) {
        return outcome.get();
      }
    }
    if (last == null) {
      String tiers = String.join(", ", chain.stream().map(Tier::name).toList());
      return new UpstreamOutcome.Failed(
          FailureKind.ALL_CIRCUITS_OPEN, 502, UpstreamErrors.allCircuitsOpen(tiers), "", attempts);
    }
    return failed(last);
  }

  /** The outcome if this tier ends the call, empty to go on to the next tier. */
  private Optional<UpstreamOutcome> onTier(Tier tier, Attempter attempter, Finisher finisher) {
    CircuitBreaker breaker = breakers.of(tier);
    for (int n = 1; n <= tier.maxRetries() + 1; n++) {
      if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
        return Optional.of(new UpstreamOutcome.Cancelled(attempts));
      }
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return Optional.of(deadlinePassed());
      }
      if (!breaker.tryAcquirePermission()) {
        attempts.add(
            new Attempt(tier.name(), n, Attempt.Result.CIRCUIT_OPEN, 0, Duration.ZERO, "skipped"));
        return Optional.empty();
      }
      Duration timeout = min(tier.requestTimeout(), Duration.ofNanos(remaining));
      long start = System.nanoTime();
      CallResult result = attempter.attempt(tier, timeout, deadlineNanos);
      long elapsed = System.nanoTime() - start;
      record(breaker, result, elapsed);
      attempts.add(attempt(tier, n, result, elapsed));
      switch (result) {
        case CallResult.Ok ok -> {
          return Optional.of(finisher.completed(tier, ok, attempts));
        }
        case CallResult.Broken broken -> {
          return Optional.of(finisher.broken(tier, broken, attempts));
        }
        case CallResult.Cancelled cancelled -> {
          return Optional.of(new UpstreamOutcome.Cancelled(attempts));
        }
        case CallResult.Fail fail -> {
          last = fail;
          LOG.debug("tier {} attempt {} failed: {}", tier.name(), n, fail.detail());
          if (fail.result() == Attempt.Result.CLIENT_ERROR) {
            return Optional.of(failed(fail));
          }
          if (!fail.result().retryable() || n > tier.maxRetries()) {
            return Optional.empty();
          }
          Duration wait = retryPolicy.backoff(n, ThreadLocalRandom.current());
          if (System.nanoTime() + wait.toNanos() - deadlineNanos >= 0) {
            return Optional.empty(); // no time for a retry here; the next tier may still answer
          }
          if (sleep(wait)) {
            return Optional.of(new UpstreamOutcome.Cancelled(attempts));
          }
        }
      }
    }
    return Optional.empty();
  }

  private UpstreamOutcome.Failed failed(CallResult.Fail fail) {
    return switch (fail.result()) {
      case TIMEOUT ->
          new UpstreamOutcome.Failed(FailureKind.TIMEOUT, 504, fail.error(), "", attempts);
      case RATE_LIMITED ->
          new UpstreamOutcome.Failed(
              FailureKind.RATE_LIMITED, 429, fail.error(), fail.retryAfter(), attempts);
      case CLIENT_ERROR ->
          new UpstreamOutcome.Failed(
              FailureKind.REQUEST_REJECTED, fail.httpStatus(), fail.error(), "", attempts);
      default ->
          new UpstreamOutcome.Failed(FailureKind.UPSTREAM_ERROR, 502, fail.error(), "", attempts);
    };
  }

  private UpstreamOutcome.Failed deadlinePassed() {
    String message =
        "the request's deadline passed after "
            + attempts.stream().filter(Attempt::called).count()
            + " upstream attempt(s)"
            + (last == null ? "" : "; last: " + last.detail());
    return new UpstreamOutcome.Failed(
        FailureKind.TIMEOUT, 504, UpstreamErrors.timedOut(message), "", attempts);
  }

  /** Waits before a retry; true if cancelled or interrupted meanwhile. */
  private boolean sleep(Duration wait) {
    try {
      return cancel.await(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static void record(CircuitBreaker breaker, CallResult result, long elapsedNanos) {
    switch (result) {
      case CallResult.Ok ok -> breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
      case CallResult.Cancelled cancelled -> breaker.releasePermission();
      case CallResult.Broken broken ->
          breaker.onError(
              elapsedNanos, TimeUnit.NANOSECONDS, new TierFailureException(broken.detail()));
      case CallResult.Fail fail -> {
        switch (fail.result()) {
          case RATE_LIMITED -> breaker.releasePermission();
          case CLIENT_ERROR -> breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
          default ->
              breaker.onError(
                  elapsedNanos, TimeUnit.NANOSECONDS, new TierFailureException(fail.detail()));
        }
      }
    }
  }

  private static Attempt attempt(Tier tier, int n, CallResult result, long elapsedNanos) {
    Duration elapsed = Duration.ofNanos(elapsedNanos);
    return switch (result) {
      case CallResult.Ok ok ->
          new Attempt(tier.name(), n, Attempt.Result.SUCCESS, 200, elapsed, "");
      case CallResult.Fail f ->
          new Attempt(tier.name(), n, f.result(), f.httpStatus(), elapsed, f.detail());
      case CallResult.Broken b ->
          new Attempt(tier.name(), n, Attempt.Result.STREAM_BROKEN, 200, elapsed, b.detail());
      case CallResult.Cancelled c ->
          new Attempt(tier.name(), n, Attempt.Result.CANCELLED, 0, elapsed, c.detail());
    };
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
