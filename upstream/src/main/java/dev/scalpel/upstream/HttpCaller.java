package dev.scalpel.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Makes single HTTP attempts against a tier with the JDK HttpClient: HTTP/1.1 with persistent
 * connections, and the client's completions run on the selector thread ({@code
 * executor(Runnable::run)}), which measured about 30% more throughput than the default pool.
 */
final class HttpCaller implements AutoCloseable {
  /** Slack over the request timeout before the caller gives up waiting itself. */
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Function<String, String> environment;
  private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;

  private HttpCaller(Function<String, String> environment) {
    this.environment = environment;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("scalpel-upstream-watchdog").daemon().factory());
  }

  static HttpCaller create(Function<String, String> environment) {
    return new HttpCaller(environment);
  }

  /** One non-streaming POST of {@code body} to {@code endpoint}, bounded by {@code timeout}. */
  CallResult exchange(
      Tier tier, Endpoint endpoint, ObjectNode body, Duration timeout, Cancellation cancel) {
    Optional<CallResult.Fail> missingKey = missingKey(tier);
    if (missingKey.isPresent()) {
      return missingKey.get();
    }
    HttpRequest request = request(tier, endpoint, body, timeout, false);
    CompletableFuture<HttpResponse<byte[]>> future =
        client(tier).sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    Cancellation.Registration registration = cancel.onCancel(() -> future.cancel(true));
    try {
      HttpResponse<byte[]> response =
          future.get(timeout.toNanos() + GRACE_NANOS, TimeUnit.NANOSECONDS);
      String retryAfter = response.headers().firstValue("retry-after").orElse("");
      return ResponseClassifier.classify(
          tier.name(), endpoint, response.statusCode(), response.body(), retryAfter);
    } catch (TimeoutException e) {
      future.cancel(true);
      return timedOut(tier, timeout);
    } catch (CancellationException e) {
      return new CallResult.Cancelled("cancelled by the caller");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new CallResult.Cancelled("calling thread interrupted");
    } catch (ExecutionException e) {
      return cancel.isCancelled()
          ? new CallResult.Cancelled("cancelled by the caller")
          : failure(tier, timeout, e.getCause());
    } finally {
      registration.close();
    }
  }

  /** One streaming POST to {@code chat/completions}; see {@link SseCall}. */
  CallResult stream(
      Tier tier,
      ObjectNode body,
      Duration idleTimeout,
      long deadlineNanos,
      Cancellation cancel,
      ChunkSink sink) {
    Optional<CallResult.Fail> missingKey = missingKey(tier);
    if (missingKey.isPresent()) {
      return missingKey.get();
    }
    HttpRequest request = request(tier, Endpoint.CHAT_COMPLETIONS, body, idleTimeout, true);
    return new SseCall(tier, idleTimeout, cancel, sink)
        .run(client(tier), request, timer, deadlineNanos);
  }

  static CallResult.Fail failure(Tier tier, Duration timeout, Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return timedOut(tier, timeout);
    }
    String detail =
        cause instanceof ConnectException
            ? "connection refused"
            : "connection failed (" + describe(cause) + ")";
    return new CallResult.Fail(
        Attempt.Result.CONNECTION_ERROR, 0, UpstreamErrors.failed(tier.name(), detail), "", detail);
  }

  static CallResult.Fail timedOut(Tier tier, Duration timeout) {
    OpenAiError error =
        UpstreamErrors.timedOut(
            "upstream tier '" + tier.name() + "' timed out after " + timeout.toMillis() + " ms");
    return new CallResult.Fail(Attempt.Result.TIMEOUT, 0, error, "", error.message());
  }

  private static String describe(Throwable cause) {
    if (cause == null) {
      return "unknown cause";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private HttpRequest request(
      Tier tier, Endpoint endpoint, ObjectNode body, Duration timeout, boolean streaming) {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request body: expected a JSON tree, found " + e, e);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(tier.endpoint(endpoint.path()))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", streaming ? "text/event-stream" : "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (!tier.apiKeyEnv().isEmpty()) {
      builder.header("Authorization", "Bearer " + environment.apply(tier.apiKeyEnv()).strip());
    }
    return builder.build();
  }

  /** A failure when the tier needs a key that is not set: Scalpel's configuration is at fault. */
  private Optional<CallResult.Fail> missingKey(Tier tier) {
    if (tier.apiKeyEnv().isEmpty()) {
      return Optional.empty();
    }
    String key = environment.apply(tier.apiKeyEnv());
    if (key != null && !key.isBlank()) {
      return Optional.empty();
    }
    String detail =
        "its API key variable " + tier.apiKeyEnv() + " is not set in Scalpel's environment";
    return Optional.of(
        new CallResult.Fail(
            Attempt.Result.UPSTREAM_AUTH_ERROR,
            0,
            UpstreamErrors.failed(tier.name(), detail),
            "",
            detail));
  }

  private HttpClient client(Tier tier) {
    return clients.computeIfAbsent(
        tier.connectTimeout(),
        connectTimeout ->
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run)
                .build());
  }

  @Override
  public void close() {
    timer.shutdownNow();
    clients.values().forEach(HttpClient::shutdownNow);
    clients.clear();
  }
}
