package dev.scalpel.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.route.Route;
import dev.scalpel.core.route.RouteDecision;
import dev.scalpel.gateway.access.Scope;
import dev.scalpel.gateway.cache.ResponseCache;
import dev.scalpel.gateway.config.GatewayConfig;
import dev.scalpel.gateway.escalation.Generalist;
import dev.scalpel.gateway.escalation.Outbound;
import dev.scalpel.gateway.guard.Guarded;
import dev.scalpel.gateway.guard.PiiGuard;
import dev.scalpel.gateway.metrics.GatewayMetrics;
import dev.scalpel.gateway.routing.ConversationKey;
import dev.scalpel.gateway.routing.Conversations;
import dev.scalpel.gateway.routing.Router;
import dev.scalpel.gateway.routing.Routing;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /v1/chat/completions}: authenticate, validate, route, answer (locally, from a
 * generalist, or with the hand-off reply), account, respond. Every outcome leaves exactly one
 * accounting record.
 */
final class ChatHandler {
  /** Names the conversation a request belongs to, for conversation stickiness. */
  static final String CONVERSATION_HEADER = "x-scalpel-conversation-id";

  private final GatewayConfig config;

  /**
   * The most completion tokens a request of a key with a budget may ask an upstream for: its {@code
   * max_tokens} is capped to this (or set, when absent), so that the reservation made before the
   * call bounds what the call can cost.
   */
  static final int BUDGETED_MAX_COMPLETION_TOKENS = 4096;

  private final Admission admission;
  private final ChatRequestParser parser;
  private final Router router;
  private final PiiGuard guard;
  private final Conversations conversations;
  private final Optional<Escalation> escalation;
  private final Optional<Generalist> generalist;
  private final TokenCounting tokens;
  private final Accountant accountant;
  private final ResponseWriter writer;
  private final GatewayMetrics metrics;

  ChatHandler(
      GatewayConfig config,
      Admission admission,
      Router router,
      PiiGuard guard,
      Conversations conversations,
      ResponseCache cache,
      Optional<Generalist> generalist,
      TokenCounting tokens,
      Accountant accountant,
      ResponseWriter writer,
      GatewayMetrics metrics) {
    this.config = config;
    this.admission = admission;
    this.parser = new ChatRequestParser(config.server().maxMessages());
    this.router = router;
    this.guard = guard;
    this.conversations = conversations;
    this.escalation =
        generalist.map(g -> new Escalation(g, admission, cache, metrics, config.guard().restore()));
    this.generalist = generalist;
    this.tokens = tokens;
    this.accountant = accountant;
    this.writer = writer;
    this.metrics = metrics;
  }

  void handle(Context ctx) {
    Exchange exchange = new Exchange(ctx, writer);
    try {
      exchange.key = admission.authenticate(ctx.header("Authorization"), Scope.INFERENCE);
      exchange.keyName = exchange.key.name();
      byte[] bytes = BodyReader.read(ctx, config.server().maxBodyBytes());
      ChatRequest request = parser.parse(bytes);
      long promptTokens = tokens.countMessages(request.messages());
      if (promptTokens > config.server().maxPromptTokens()) {
        throw ApiException.invalid(
            "messages",
            "the prompt has about "
                + promptTokens
                + " tokens; this gateway accepts at most "
                + config.server().maxPromptTokens());
      }
      admission.admit(exchange.key, promptTokens);
      exchange.request = request;
      exchange.promptTokens = promptTokens;
      Guarded guarded = guard.protectChat(request.body(), request.lastUserText());
      exchange.storedText = storeRaw() ? request.lastUserText() : guarded.redactedLastUserText();
      dispatch(exchange, guarded);
    } catch (ApiException e) {
      exchange.fail(e, Route.REJECTED);
    }
    accountant.record(exchange.served());
    exchange.flushPending();
  }

  private boolean storeRaw() {
    return config.guard().storeRaw();
  }

  private boolean restore() {
    return config.guard().restore();
  }

  private void dispatch(Exchange exchange, Guarded guarded) {
    ChatRequest request = exchange.request;
    Instant deadline = exchange.started.plus(config.server().requestDeadline());
    if (!config.aliases().contains(request.model())) {
      if (generalist.isPresent()
          && generalist.get().passthroughModels().contains(request.model())) {
        exchange.route = Route.PASSTHROUGH;
        escalation
            .orElseThrow()
            .escalate(exchange, guarded, outbound(guarded), request.model(), deadline);
        return;
      }
      throw new ApiException(
          404,
          "invalid_request_error",
          "model_not_found",
          "model",
          "The model '"
              + request.model()
              + "' does not exist here. Use "
              + config.aliases()
              + " to let Scalpel route, or one of "
              + generalist.map(Generalist::passthroughModels).orElse(java.util.Set.of()));
    }
    ConversationKey conversation =
        conversationKey(exchange.keyName, exchange.ctx.header(CONVERSATION_HEADER), request);
    Routing routing =
        router.route(
            guarded.redactedLastUserText(),
            request.localAllowed(),
            conversations.state(conversation));
    exchange.modelVersion = router.version(routingSpecialist(routing));
    exchange.reason = routing.reason();
    exchange.sources = routing.sources();
    switch (routing.decision()) {
      case RouteDecision.Local local -> {
        exchange.route = Route.LOCAL;
        exchange.verdict(local.specialist(), local.label(), local.confidence());
        answerLocally(exchange, restore() ? guarded.restore(local.answer()) : local.answer());
      }
      case RouteDecision.Escalate escalate -> {
        exchange.route = Route.ESCALATED;
        exchange.verdict(escalate.specialist(), escalate.label(), escalate.confidence());
        Outbound body =
            outbound(guarded)
                .map(b -> {
                  if (!escalate.systemPrompt().isEmpty()) {
                    b.withArray("messages")
                        .insertObject(0)
                        .put("role", "system")
                        .put("content", escalate.systemPrompt());
                  }
                  return b;
                });
        escalation
            .orElseThrow()
            .escalate(exchange, guarded, body, escalate.tier(), deadline)
            .ifPresent(
                tier -> conversations.escalated(conversation, tier, escalate.systemPrompt()));
      }
      case RouteDecision.Handoff handoff -> {
        exchange.route = Route.HANDOFF;
        exchange.verdict(handoff.specialist(), handoff.label(), handoff.confidence());
        // The person who takes over needs the whole conversation, not only its last turn.
        exchange.conversation =
            (storeRaw() ? guarded.raw() : guarded.redacted()).get("messages").toString();
        answerLocally(exchange, config.routing().handoffReply());
      }
      case RouteDecision.Reject reject ->
          throw new ApiException(400, "invalid_request_error", "rejected", "", reject.reason());
    }
  }

  /**
   * {@code POST /v1/embeddings}: passed through to the tier serving the model asked for, and
   * accounted.
   */
  void handleEmbeddings(Context ctx) {
    Exchange exchange = new Exchange(ctx, writer);
    try {
      exchange.key = admission.authenticate(ctx.header("Authorization"), Scope.INFERENCE);
      exchange.keyName = exchange.key.name();
      ObjectNode body =
          ChatRequestParser.object(BodyReader.read(ctx, config.server().maxBodyBytes()));
      JsonNode model = body.get("model");
      if (model == null || !model.isTextual() || model.asText().isBlank()) {
        throw ApiException.invalid("model", "you must provide a model parameter (a string)");
      }
      if (generalist.isEmpty() || !generalist.get().passthroughModels().contains(model.asText())) {
        throw new ApiException(
            404,
            "invalid_request_error",
            "model_not_found",
            "model",
            "no upstream tier serves the embedding model '" + model.asText() + "'");
      }
      exchange.route = Route.PASSTHROUGH;
      Instant deadline = exchange.started.plus(config.server().requestDeadline());
      long inputTokens = tokens.countText(body.path("input").toString());
      admission.admit(exchange.key, inputTokens);
      escalation
          .orElseThrow()
          .embed(
              exchange,
              outbound(guard.protectEmbeddings(body)),
              model.asText(),
              inputTokens,
              deadline);
    } catch (ApiException e) {
      exchange.fail(e, exchange.route);
    }
    accountant.record(exchange.served());
    exchange.flushPending();
  }

  private static String routingSpecialist(Routing routing) {
    return switch (routing.decision()) {
      case RouteDecision.Local l -> l.specialist();
      case RouteDecision.Escalate e -> e.specialist();
      case RouteDecision.Handoff h -> h.specialist();
      case RouteDecision.Reject r -> "";
    };
  }

  private void answerLocally(Exchange exchange, String content) {
    long completion = tokens.countText(content);
    exchange.answer(content, completion);
    exchange.counterfactualUsd =
        generalist.map(g -> g.counterfactualCost(exchange.promptTokens, completion)).orElse(0.0);
  }

  /**
   * The conversation {@code request} belongs to: the one the client names (header, then the {@code
   * user} field), else the one its opening messages identify; always within the caller's key.
   */
  static ConversationKey conversationKey(String keyName, String header, ChatRequest request) {
    if (header != null && !header.isBlank()) {
      return new ConversationKey("h:" + keyName + ":" + header.strip(), true);
    }
    if (!request.user().isEmpty()) {
      return new ConversationKey("u:" + keyName + ":" + request.user(), true);
    }
    return new ConversationKey("o:" + keyName + ":" + request.openingDigest(), request.followUp());
  }

  private static Outbound outbound(Guarded guarded) {
    return new Outbound(guarded.raw(), guarded.redacted(), guarded.found());
  }
}
