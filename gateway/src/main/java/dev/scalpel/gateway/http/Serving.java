package dev.scalpel.gateway.http;

import dev.scalpel.gateway.access.Access;
import dev.scalpel.gateway.access.AccessControl;
import dev.scalpel.gateway.cache.ResponseCache;
import dev.scalpel.gateway.config.GatewayConfig;
import dev.scalpel.gateway.escalation.Generalist;
import dev.scalpel.gateway.guard.PiiGuard;
import dev.scalpel.gateway.knowledge.KnowledgeBases;
import dev.scalpel.gateway.metrics.GatewayMetrics;
import dev.scalpel.gateway.routing.Conversations;
import dev.scalpel.gateway.routing.Router;
import dev.scalpel.gateway.routing.SpecialistPool;
import java.util.Optional;

/**
 * Everything requests are served with under one configuration: keys, specialists, knowledge bases,
 * routing, guard, cache and generalists. A reload builds a new one and swaps it in whole, so a
 * request is served entirely under the old configuration or entirely under the new.
 */
public final class Serving {
  final GatewayConfig config;
  final Access access;
  final Admission admission;
  final SpecialistPool specialists;
  final KnowledgeBases knowledge;
  final Optional<Generalist> generalist;
  final ResponseCache cache;
  final ChatHandler chat;

  private Serving(
      GatewayConfig config,
      Access access,
      Admission admission,
      SpecialistPool specialists,
      KnowledgeBases knowledge,
      Optional<Generalist> generalist,
      ResponseCache cache,
      ChatHandler chat) {
    this.config = config;
    this.access = access;
    this.admission = admission;
    this.specialists = specialists;
    this.knowledge = knowledge;
    this.generalist = generalist;
    this.cache = cache;
    this.chat = chat;
  }

  /** Wires the request path of {@code config}; the caller keeps ownership of what it passes. */
  public static Serving create(
      GatewayConfig config,
      SpecialistPool specialists,
      KnowledgeBases knowledge,
      Optional<Generalist> generalist,
      TokenCounting tokens,
      Accountant accountant,
      GatewayMetrics metrics,
      AccessControl access) {
    ResponseWriter writer = new ResponseWriter();
    Admission admission = new Admission(access.access(), access.limiter(), access.ledger());
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
            admission,
            router,
            PiiGuard.create(config.guard()),
            Conversations.create(config.routing().conversations()),
            cache,
            generalist,
            tokens,
            metered,
            writer,
            metrics);
    return new Serving(
        config, access.access(), admission, specialists, knowledge, generalist, cache, chat);
  }

  /** The configuration served. */
  public GatewayConfig config() {
    return config;
  }

  /** Releases the specialists and knowledge bases (once no request uses them any more). */
  public void close() {
    knowledge.close();
    specialists.close();
  }
}
