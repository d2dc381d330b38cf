package dev.scalpel.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.access.Access;
import dev.scalpel.gateway.access.AccessException;
import dev.scalpel.gateway.access.AdminKeysRoutes;
import dev.scalpel.gateway.access.KeyStore;
import dev.scalpel.gateway.access.Scope;
import dev.scalpel.gateway.config.GatewayConfig;
import dev.scalpel.gateway.escalation.Generalist;
import dev.scalpel.gateway.metrics.GatewayMetrics;
import dev.scalpel.gateway.routing.SpecialistPool;
import dev.scalpel.learn.Prediction;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The HTTP front door (Javalin 7 on Jetty 12, virtual threads): the OpenAI-compatible endpoints,
 * classification, health and metrics. Stopping it lets in-flight requests finish.
 */
public final class GatewayServer implements AutoCloseable {
  private final Javalin app;
  private final InFlight inFlight;
  private final AtomicReference<Serving> serving;
  private final Reloader reloader;
  private final Consumer<Serving> retire;
  private final Object reloading = new Object();
  private final Duration drainTimeout;

  private GatewayServer(
      Javalin app,
      InFlight inFlight,
      AtomicReference<Serving> serving,
      Reloader reloader,
      Consumer<Serving> retire,
      Duration drainTimeout) {
    this.app = app;
    this.inFlight = inFlight;
    this.serving = serving;
    this.reloader = reloader;
    this.retire = retire;
    this.drainTimeout = drainTimeout;
  }

  /**
   * Builds what requests are served with under a configuration file read again: the running
   * configuration says which file, and which settings only a restart changes. Throws, with a
   * message for the operator, when the file or what it names (models, knowledge bases) cannot be
   * used.
   */
  @FunctionalInterface
  public interface Reloader {
    Serving prepare(GatewayConfig running);
  }

  /**
   * Starts the server on {@code initial}'s host and port (0 picks a free port), serving with {@code
   * initial} until {@link #swap} replaces it.
   */
  public static GatewayServer start(
      Serving initial,
      GatewayMetrics metrics,
      KeyStore keyStore,
      Reloader reloader,
      Consumer<Serving> retire) {
    ResponseWriter writer = new ResponseWriter();
    AtomicReference<Serving> serving = new AtomicReference<>(initial);
    // Admin routes check keys against the configuration in force when the request arrives.
    Access current =
        (authorization, scope) -> serving.get().access.authenticate(authorization, scope);
    InFlight inFlight = new InFlight(writer);
    // The routes are made before the server they call back for a reload exists.
    GatewayServer[] server = new GatewayServer[1];
    Javalin app =
        Javalin.create(c -> {
          c.concurrency.useVirtualThreads = true;
          c.startup.showJavalinBanner = false;
          c.routes.post(
              "/v1/chat/completions", inFlight.track(ctx -> serving.get().chat.handle(ctx)));
          c.routes.post(
              "/v1/embeddings", inFlight.track(ctx -> serving.get().chat.handleEmbeddings(ctx)));
          c.routes.get("/v1/models", inFlight.track(ctx -> models(ctx, serving.get(), writer)));
          c.routes.post(
              "/v1/classify", inFlight.track(ctx -> classify(ctx, serving.get(), writer)));
          c.routes.get("/health", ctx -> health(ctx, writer));
          c.routes.get(
              "/metrics",
              ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
          AdminKeysRoutes.register(c.routes, current, keyStore, inFlight::track);
          c.routes.delete(
              "/admin/cache",
              inFlight.track(ctx -> {
                Serving now = serving.get();
                now.admission.authenticate(ctx.header("Authorization"), Scope.ADMIN);
                int cleared = now.cache.clear();
                writer.json(ctx, 200, Json.mapper().createObjectNode().put("cleared", cleared));
              }));
          c.routes.post(
              "/admin/reload",
              inFlight.track(ctx -> {
                serving.get().admission.authenticate(ctx.header("Authorization"), Scope.ADMIN);
                switch (server[0].reload()) {
                  case ReloadResult.Reloaded r ->
                      writer.json(
                          ctx,
                          200,
                          Json.mapper()
                              .createObjectNode()
                              .put("reloaded", true)
                              .put("config", r.source().toString())
                              .put("note", r.note()));
                  case ReloadResult.Rejected r ->
                      throw new ApiException(
                          400, "invalid_request_error", "invalid_config", "", r.message());
                }
              }));
          c.routes.exception(ApiException.class, (e, ctx) -> writer.error(ctx, e));
          c.routes.exception(
              AccessException.class,
              (e, ctx) ->
                  writer.error(
                      ctx,
                      new ApiException(
                          503,
                          "server_error",
                          "key_store_unavailable",
                          "",
                          "the gateway cannot check API keys or budgets right now; retry shortly")));
          c.routes.error(
              404,
              "*",
              ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                  writer.error(
                      ctx,
                      new ApiException(
                          404,
                          "invalid_request_error",
                          "not_found",
                          "",
                          "no such endpoint: " + ctx.path()));
                }
              });
        });
    GatewayConfig config = initial.config;
    server[0] =
        new GatewayServer(
            app, inFlight, serving, reloader, retire, config.server().requestDeadline());
    app.start(config.server().host(), config.server().port());
    return server[0];
  }

  /**
   * Reads the configuration file again and, if it and everything it names load, serves with it from
   * now on; requests in flight finish under the old one, which is then retired. A file that fails
   * leaves the running configuration as it is.
   */
  public ReloadResult reload() {
    synchronized (reloading) {
      Serving old = serving.get();
      Serving next;
      try {
        next = reloader.prepare(old.config);
      } catch (RuntimeException e) {
        return new ReloadResult.Rejected(e.getMessage());
      }
      serving.set(next);
      retire.accept(old);
      return new ReloadResult.Reloaded(
          next.config.source(),
          "server and storage settings are read at start only; restart to change them");
    }
  }

  /** What requests are served with now. */
  public Serving serving() {
    return serving.get();
  }

  public int port() {
    return app.port();
  }

  /**
   * Stops gracefully: new requests get 503, requests in flight finish (up to the request deadline),
   * then the server stops listening.
   */
  @Override
  public void close() {
    inFlight.drain(drainTimeout);
    app.stop();
  }

  private static void models(Context ctx, Serving serving, ResponseWriter writer) {
    serving.admission.authenticate(ctx.header("Authorization"), Scope.INFERENCE);
    GatewayConfig config = serving.config;
    Optional<Generalist> generalist = serving.generalist;
    ObjectNode root = Json.mapper().createObjectNode().put("object", "list");
    ArrayNode data = root.putArray("data");
    for (String alias : config.aliases()) {
      data.addObject()
          .put("id", alias)
          .put("object", "model")
          .put("created", 0)
          .put("owned_by", "scalpel");
    }
    generalist.ifPresent(g ->
        g.passthroughModels().stream()
            .sorted()
            .forEach(m ->
                data.addObject()
                    .put("id", m)
                    .put("object", "model")
                    .put("created", 0)
                    .put("owned_by", "upstream")));
    writer.json(ctx, 200, root);
  }

  private static void classify(Context ctx, Serving serving, ResponseWriter writer) {
    serving.admission.authenticate(ctx.header("Authorization"), Scope.INFERENCE);
    SpecialistPool specialists = serving.specialists;
    JsonNode body =
        ChatRequestParser.object(BodyReader.read(ctx, serving.config.server().maxBodyBytes()));
    JsonNode text = body == null ? null : body.get("text");
    if (text == null || !text.isTextual() || text.asText().isBlank()) {
      throw ApiException.invalid("text", "expected {\"text\": \"...\"} with a non-empty string");
    }
    ObjectNode root = Json.mapper().createObjectNode().put("text", text.asText());
    ObjectNode results = root.putObject("specialists");
    for (Map.Entry<String, Prediction> p : specialists.classify(text.asText()).entrySet()) {
      ObjectNode node = Json.mapper().valueToTree(p.getValue());
      node.put("decision", p.getValue().decision().wireName());
      results.set(p.getKey(), node);
    }
    writer.json(ctx, 200, root);
  }

  private static void health(Context ctx, ResponseWriter writer) {
    writer.json(ctx, 200, Json.mapper().createObjectNode().put("status", "ok").put("ready", true));
  }
}
