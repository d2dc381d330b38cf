package dev.scalpel.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.access.AccessControl;
import dev.scalpel.gateway.access.AccessException;
import dev.scalpel.gateway.access.AdminKeysRoutes;
import dev.scalpel.gateway.access.Scope;
import dev.scalpel.gateway.cache.ResponseCache;
import dev.scalpel.gateway.config.GatewayConfig;
import dev.scalpel.gateway.escalation.Generalist;
import dev.scalpel.gateway.guard.PiiGuard;
import dev.scalpel.gateway.knowledge.KnowledgeBases;
import dev.scalpel.gateway.metrics.GatewayMetrics;
import dev.scalpel.gateway.routing.Conversations;
import dev.scalpel.gateway.routing.Router;
import dev.scalpel.gateway.routing.SpecialistPool;
import dev.scalpel.learn.Prediction;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP front door (Javalin 7 on Jetty 12, virtual threads): the OpenAI-compatible endpoints,
 * classification, health and metrics. Stopping it lets in-flight requests finish.
 */
public final class GatewayServer implements AutoCloseable {
  private final Javalin app;
  private final InFlight inFlight;
  private final Duration drainTimeout;

  private GatewayServer(Javalin app, InFlight inFlight, Duration drainTimeout) {
    this.app = app;
    this.inFlight = inFlight;
    this.drainTimeout = drainTimeout;
  }

  /** Starts the server on the configured host and port (0 picks a free port). */
  public static GatewayServer start(
      GatewayConfig config,
      SpecialistPool specialists,
      KnowledgeBases knowledge,
      Optional<Generalist> generalist,
      TokenCounting tokens,
      Accountant accountant,
      GatewayMetrics metrics,
      AccessControl access) {
    ResponseWriter writer = new ResponseWriter();
    Admission keys = new Admission(access.access(), access.limiter(), access.ledger());
    Router router = new Router(config.routing(), specialists, knowledge, generalist.isPresent());
    Accountant metered =
        served -> {
          accountant.record(served);
          metrics.request(
              served.route().wireName(),
              served.status(),
              served.latency(),
              served.tokensIn(),
              served.tokensOut(),
              served.costUsd(),
              served.counterfactualCostUsd());
        };
    ResponseCache cache = ResponseCache.create(config.cache());
    ChatHandler chat =
        new ChatHandler(
            config,
            keys,
            router,
            PiiGuard.create(config.guard()),
            Conversations.create(config.routing().conversations()),
            cache,
            generalist,
            tokens,
            metered,
            writer,
            metrics);
    InFlight inFlight = new InFlight(writer);
    Javalin app =
        Javalin.create(c -> {
          c.concurrency.useVirtualThreads = true;
          c.startup.showJavalinBanner = false;
          c.routes.post("/v1/chat/completions", inFlight.track(chat::handle));
          c.routes.post("/v1/embeddings", inFlight.track(chat::handleEmbeddings));
          c.routes.get(
              "/v1/models", inFlight.track(ctx -> models(ctx, keys, config, generalist, writer)));
          c.routes.post(
              "/v1/classify",
              inFlight.track(
                  ctx -> classify(ctx, keys, specialists, writer, config.server().maxBodyBytes())));
          c.routes.get("/health", ctx -> health(ctx, writer));
          c.routes.get(
              "/metrics",
              ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
          AdminKeysRoutes.register(c.routes, access.access(), access.keys(), inFlight::track);
          c.routes.delete(
              "/admin/cache",
              inFlight.track(ctx -> {
                keys.authenticate(ctx.header("Authorization"), Scope.ADMIN);
                int cleared = cache.clear();
                writer.json(ctx, 200, Json.mapper().createObjectNode().put("cleared", cleared));
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
    app.start(config.server().host(), config.server().port());
    return new GatewayServer(app, inFlight, config.server().requestDeadline());
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

  private static void models(
      Context ctx,
      Admission keys,
      GatewayConfig config,
      Optional<Generalist> generalist,
      ResponseWriter writer) {
    keys.authenticate(ctx.header("Authorization"), Scope.INFERENCE);
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

  private static void classify(
      Context ctx,
      Admission keys,
      SpecialistPool specialists,
      ResponseWriter writer,
      int maxBytes) {
    keys.authenticate(ctx.header("Authorization"), Scope.INFERENCE);
    JsonNode body = ChatRequestParser.object(BodyReader.read(ctx, maxBytes));
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
