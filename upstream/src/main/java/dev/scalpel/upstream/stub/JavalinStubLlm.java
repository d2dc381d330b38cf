package dev.scalpel.upstream.stub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.upstream.OpenAiError;
import dev.scalpel.upstream.TokenCounter;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link StubLlm} on Javalin 7 (Jetty, virtual threads). */
final class JavalinStubLlm implements StubLlm {
  private final StubOptions options;
  private final ArmedFaults faults;
  private final ChatHandler chat;
  private final EmbeddingReplies embeddings;
  private final ArrayDeque<RecordedRequest> recorded = new ArrayDeque<>();
  private final Javalin app;

  private JavalinStubLlm(StubOptions options) {
    this.options = options;
    TokenCounter counter = TokenCounter.create();
    this.faults = new ArmedFaults(options);
    this.chat =
        new ChatHandler(new ChatReplies(counter, options.answer()), faults, options.model());
    this.embeddings = new EmbeddingReplies(counter);
    this.app =
        Javalin.create(config -> {
          config.concurrency.useVirtualThreads = true;
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.startup.startupWatcherEnabled = false; // its thread keeps a JVM alive 5 s
          config.http.compressionStrategy = CompressionStrategy.NONE;
          config.routes.post("/v1/chat/completions", ctx -> serve(ctx, true));
          config.routes.post("/v1/embeddings", ctx -> serve(ctx, false));
          config.routes.get("/v1/models", this::models);
        });
  }

  static StubLlm start(StubOptions options) {
    JavalinStubLlm stub = new JavalinStubLlm(options);
    stub.app.start(options.host(), options.port());
    return stub;
  }

  private void serve(Context ctx, boolean isChat) throws Exception {
    record(ctx);
    if (!options.apiKey().isEmpty()
        && !("Bearer " + options.apiKey()).equals(ctx.header("Authorization"))) {
      StubResponses.error(
          ctx,
          401,
          new OpenAiError(
              "Incorrect API key provided.", "invalid_request_error", "", "invalid_api_key"));
      return;
    }
    String faultHeader = ctx.header("x-stub-fault");
    Optional<Fault> fault = faultHeader == null ? faults.take() : Fault.fromHeader(faultHeader);
    if (faultHeader != null && fault.isEmpty()) {
      StubResponses.invalidRequest(
          ctx,
          "x-stub-fault: expected one of " + Fault.headerValues() + ", found '" + faultHeader + "'",
          "");
      return;
    }
    Optional<Duration> latency = latency(ctx);
    if (latency.isEmpty()) {
      return;
    }
    if (!faults.sleep(latency.get())) {
      StubResponses.abort(ctx);
      return;
    }
    if (fault.isPresent() && StubResponses.act(ctx, fault.get(), faults, options.retryAfter())) {
      return;
    }
    Optional<JsonNode> body = parse(ctx.body());
    if (body.isEmpty() || !body.get().isObject()) {
      StubResponses.invalidRequest(
          ctx, "We could not parse the JSON body of your request: expected a JSON object.", "");
      return;
    }
    boolean breakStream = fault.isPresent() && fault.get() == Fault.STREAM_BREAK;
    if (isChat) {
      chat.answer(ctx, body.get(), breakStream);
    } else {
      embed(ctx, body.get(), breakStream);
    }
  }

  private void embed(Context ctx, JsonNode request, boolean breakBody) throws Exception {
    Optional<List<String>> texts = EmbeddingReplies.inputs(request);
    if (texts.isEmpty()) {
      StubResponses.invalidRequest(
          ctx, "'input' must be a string or a non-empty array of strings.", "input");
      return;
    }
    if (!EmbeddingReplies.validDimensions(request)) {
      StubResponses.invalidRequest(
          ctx, "'dimensions' must be an integer from 1 to 64.", "dimensions");
      return;
    }
    String body = embeddings.answer(request, texts.get(), options.model()).toString();
    if (breakBody) {
      StubResponses.truncated(ctx, body);
    } else {
      ctx.status(200).contentType("application/json").result(body);
    }
  }

  private void models(Context ctx) {
    record(ctx);
    String body =
        "{\"object\":\"list\",\"data\":[{\"id\":\""
            + options.model()
            + "\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"scalpel-stub\"}]}";
    ctx.status(200).contentType("application/json").result(body);
  }

  private Optional<Duration> latency(Context ctx) {
    String header = ctx.header("x-stub-latency-ms");
    if (header == null) {
      return Optional.of(faults.latency());
    }
    try {
      long millis = Long.parseLong(header.strip());
      if (millis >= 0 && millis <= 60_000) {
        return Optional.of(Duration.ofMillis(millis));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    StubResponses.invalidRequest(
        ctx, "x-stub-latency-ms: expected 0 to 60000, found '" + header + "'", "");
    return Optional.empty();
  }

  private static Optional<JsonNode> parse(String body) {
    try {
      return Optional.ofNullable(Json.mapper().readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void record(Context ctx) {
    if (options.recordLimit() == 0) {
      return;
    }
    Map<String, String> headers = new HashMap<>();
    ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    RecordedRequest request =
        new RecordedRequest(ctx.method().name(), ctx.path(), headers, ctx.body());
    synchronized (recorded) {
      if (recorded.size() == options.recordLimit()) {
        recorded.removeFirst();
      }
      recorded.addLast(request);
    }
  }

  @Override
  public int port() {
    return app.port();
  }

  @Override
  public URI baseUrl() {
    return URI.create("http://" + options.host() + ":" + port() + "/v1");
  }

  @Override
  public StubFaults faults() {
    return faults;
  }

  @Override
  public List<RecordedRequest> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  @Override
  public void clearRequests() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  @Override
  public int abandonedStreams() {
    return chat.abandonedStreams();
  }

  @Override
  public void close() {
    faults.stop();
    app.stop();
  }
}
