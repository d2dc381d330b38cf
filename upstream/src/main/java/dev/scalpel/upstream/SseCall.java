package dev.scalpel.upstream;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One streaming attempt: reads the upstream's SSE {@code data:} lines on the calling thread and
 * hands each chunk to the sink as soon as it is parsed. A failure before the first chunk is an
 * ordinary (retryable) failure; after it, the stream is broken. Cancellation, the idle watchdog and
 * interruption all stop the call by cancelling the exchange and closing the body stream.
 */
final class SseCall {
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final Tier tier;
  private final Duration idleTimeout;
  private final Cancellation cancel;
  private final ChunkSink sink;
  private final StreamAssembler assembler = new StreamAssembler();
  private volatile CompletableFuture<HttpResponse<InputStream>> future;
  private volatile InputStream body;
  private volatile boolean stopped;
  private int sent;

  SseCall(Tier tier, Duration idleTimeout, Cancellation cancel, ChunkSink sink) {
    this.tier = tier;
    this.idleTimeout = idleTimeout;
    this.cancel = cancel;
    this.sink = sink;
  }

  CallResult run(
      HttpClient client, HttpRequest request, ScheduledExecutorService timer, long deadlineNanos) {
    future = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    IdleWatchdog watchdog =
        IdleWatchdog.start(timer, idleTimeout.toNanos(), deadlineNanos, this::stop);
    Cancellation.Registration registration = cancel.onCancel(this::stop);
    try {
      HttpResponse<InputStream> response = future.get();
      body = response.body();
      if (stopped) {
        closeBody();
      }
      if (response.statusCode() != 200) {
        byte[] bytes = body.readNBytes(MAX_ERROR_BODY);
        String retryAfter = response.headers().firstValue("retry-after").orElse("");
        return ResponseClassifier.classify(
            tier.name(), Endpoint.CHAT_COMPLETIONS, response.statusCode(), bytes, retryAfter);
      }
      return readEvents(watchdog);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      return new CallResult.Cancelled("calling thread interrupted");
    } catch (ExecutionException | CancellationException | IOException e) {
      return interrupted(watchdog, e instanceof ExecutionException ? e.getCause() : e);
    } finally {
      registration.close();
      watchdog.close();
      closeBody();
    }
  }

  private CallResult readEvents(IdleWatchdog watchdog) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(body, UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      watchdog.touch();
      if (!line.startsWith("data:")) {
        continue; // blank separators, comments, event: and id: fields
      }
      String data = line.substring("data:".length()).strip();
      if (data.equals("[DONE]")) {
        return done(reader);
      }
      Optional<JsonNode> chunk = ResponseClassifier.parse(data);
      if (chunk.isEmpty() || !chunk.get().isObject()) {
        return failure(Attempt.Result.MALFORMED_RESPONSE, "malformed chunk in the stream");
      }
      Optional<OpenAiError> error = OpenAiError.parse(chunk.get());
      if (error.isPresent()) {
        return failure(Attempt.Result.SERVER_ERROR, "error event: " + error.get().message());
      }
      assembler.add(chunk.get());
      try {
        sink.onChunk(data, chunk.get());
      } catch (IOException e) {
        stop();
        return new CallResult.Cancelled("client went away: " + e.getMessage());
      }
      sent++;
      watchdog.touch(); // a slow client is not a silent upstream
    }
    if (assembler.finished()) {
      return finish(); // lenient: the answer is complete though [DONE] never came
    }
    return failure(Attempt.Result.CONNECTION_ERROR, "stream ended without [DONE]");
  }

  private CallResult done(BufferedReader reader) throws IOException {
    // Reading to the end lets the connection go back to the pool.
    while (reader.readLine() != null) {
      // nothing is expected after [DONE]
    }
    return finish();
  }

  private CallResult finish() {
    try {
      sink.onDone();
    } catch (IOException e) {
      return new CallResult.Cancelled("client went away: " + e.getMessage());
    }
    return new CallResult.Ok(assembler.response());
  }

  /** The exchange or the body failed: find out whether it was stopped on purpose, and by whom. */
  private CallResult interrupted(IdleWatchdog watchdog, Throwable cause) {
    if (cancel.isCancelled()) {
      return new CallResult.Cancelled("cancelled by the caller");
    }
    if (Thread.currentThread().isInterrupted()) {
      stop();
      return new CallResult.Cancelled("calling thread interrupted");
    }
    if (watchdog.expired()) {
      String detail =
          watchdog.deadlinePassed()
              ? "request deadline passed"
              : "no data for " + idleTimeout.toMillis() + " ms";
      if (sent == 0) {
        CallResult.Fail timeout = HttpCaller.timedOut(tier, idleTimeout);
        return new CallResult.Fail(
            timeout.result(), 0, timeout.error(), "", timeout.detail() + " (" + detail + ")");
      }
      return new CallResult.Broken(sent, assembler.text(), detail);
    }
    if (sent == 0) {
      return HttpCaller.failure(tier, idleTimeout, cause);
    }
    return new CallResult.Broken(sent, assembler.text(), "connection lost: " + cause);
  }

  private CallResult failure(Attempt.Result result, String detail) {
    if (sent > 0) {
      return new CallResult.Broken(sent, assembler.text(), detail);
    }
    return new CallResult.Fail(result, 200, UpstreamErrors.failed(tier.name(), detail), "", detail);
  }

  private void stop() {
    stopped = true;
    CompletableFuture<HttpResponse<InputStream>> f = future;
    if (f != null) {
      f.cancel(true);
    }
    closeBody();
  }

  private void closeBody() {
    InputStream in = body;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // closing only releases the connection; there is nothing left to report
      }
    }
  }
}
