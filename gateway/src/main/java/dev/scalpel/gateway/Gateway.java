package dev.scalpel.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalpel.gateway.access.Access;
import dev.scalpel.gateway.access.AccessControl;
import dev.scalpel.gateway.access.BudgetLedger;
import dev.scalpel.gateway.access.KeyStore;
import dev.scalpel.gateway.access.RateLimiter;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestLogOptions;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.gateway.accounting.Retention;
import dev.scalpel.gateway.accounting.StoredText;
import dev.scalpel.gateway.config.GatewayConfig;
import dev.scalpel.gateway.escalation.Generalist;
import dev.scalpel.gateway.escalation.UpstreamGeneralist;
import dev.scalpel.gateway.http.Accountant;
import dev.scalpel.gateway.http.GatewayServer;
import dev.scalpel.gateway.http.Served;
import dev.scalpel.gateway.http.TokenCounting;
import dev.scalpel.gateway.knowledge.KnowledgeBases;
import dev.scalpel.gateway.metrics.GatewayMetrics;
import dev.scalpel.gateway.routing.ChampionSource;
import dev.scalpel.gateway.routing.SpecialistPool;
import dev.scalpel.upstream.TokenCounter;
import dev.scalpel.upstream.Upstreams;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A running gateway: specialists loaded, request log open, upstreams ready, HTTP server listening.
 * Closing it stops the server (in-flight requests finish), then flushes the log and releases the
 * rest.
 */
public final class Gateway implements AutoCloseable {
  private final GatewayServer server;
  private final RequestLog log;
  private final KeyStore keys;
  private final BudgetLedger ledger;
  private final Retention retention;
  private final Upstreams upstreams;
  private final SpecialistPool specialists;
  private final KnowledgeBases knowledge;

  private Gateway(
      GatewayServer server,
      RequestLog log,
      KeyStore keys,
      BudgetLedger ledger,
      Retention retention,
      Upstreams upstreams,
      SpecialistPool specialists,
      KnowledgeBases knowledge) {
    this.server = server;
    this.log = log;
    this.keys = keys;
    this.ledger = ledger;
    this.retention = retention;
    this.upstreams = upstreams;
    this.specialists = specialists;
    this.knowledge = knowledge;
  }

  /**
   * Starts everything {@code config} describes; fails with a clear message before listening when
   * anything is wrong.
   */
  public static Gateway start(GatewayConfig config) {
    return start(config, ChampionSource.Opener.NONE);
  }

  /**
   * Starts everything {@code config} describes, specialists backed by a model registry opened
   * through {@code registries} and following its champion (checked every second).
   */
  public static Gateway start(GatewayConfig config, ChampionSource.Opener registries) {
    SpecialistPool specialists =
        SpecialistPool.load(config.specialists(), registries, Duration.ofSeconds(1));
    KnowledgeBases knowledge = null;
    RequestLog log = null;
    KeyStore keys = null;
    BudgetLedger ledger = null;
    Upstreams upstreams = null;
    try {
      knowledge =
          config.knowledgeBases().isEmpty()
              ? KnowledgeBases.none()
              : KnowledgeBases.open(config.knowledgeBases(), specialists.encoder());
      log =
          RequestLog.open(
              config.dataDir(), RequestLogOptions.defaults().withDurableSync(config.durableSync()));
      keys = KeyStore.open(log);
      ledger = BudgetLedger.open(log);
      AccessControl access =
          new AccessControl(
              Access.withConfigKeys(keys, config.keys()),
              keys,
              RateLimiter.create(Clock.systemUTC()),
              ledger);
      TokenCounter counter = TokenCounter.create();
      upstreams = Upstreams.builder().tokenCounter(counter).build();
      Optional<Generalist> generalist =
          config.tiers().isEmpty()
              ? Optional.empty()
              : Optional.of(UpstreamGeneralist.create(config, upstreams));
      RequestLog requests = log;
      Accountant accountant = served -> requests.append(record(served));
      GatewayServer server =
          GatewayServer.start(
              config,
              specialists,
              knowledge,
              generalist,
              tokens(counter),
              accountant,
              new GatewayMetrics(),
              access);
      Retention retention =
          Retention.start(StoredText.open(config.dataDir()), config.retention(), Clock.systemUTC());
      return new Gateway(server, log, keys, ledger, retention, upstreams, specialists, knowledge);
    } catch (RuntimeException e) {
      if (upstreams != null) {
        upstreams.close();
      }
      if (ledger != null) {
        ledger.close();
      }
      if (keys != null) {
        keys.close();
      }
      if (log != null) {
        log.close();
      }
      if (knowledge != null) {
        knowledge.close();
      }
      specialists.close();
      throw e;
    }
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      retention.close();
      ledger.close();
      keys.close();
      log.close();
      upstreams.close();
      knowledge.close();
      specialists.close();
    }
  }

  private static TokenCounting tokens(TokenCounter counter) {
    return new TokenCounting() {
      @Override
      public long countMessages(JsonNode messages) {
        return counter.countMessages(messages);
      }

      @Override
      public long countText(String text) {
        return counter.countText(text);
      }
    };
  }

  private static RequestRecord record(Served s) {
    RequestRecord.Builder b =
        RequestRecord.builder()
            .id(s.requestId())
            .time(s.time())
            .apiKeyId(s.apiKey())
            .route(s.route())
            .upstream(s.tier(), s.upstreamModel())
            .tokens(s.tokensIn(), s.tokensOut())
            .cost(s.costUsd(), s.counterfactualCostUsd())
            .latencyMs(s.latency().toNanos() / 1e6)
            .status(s.status())
            .error(s.error())
            .requestText(s.requestText())
            .reason(s.reason())
            .conversation(s.conversation());
    if (!s.specialist().isEmpty() && s.confidence() != null) {
      b.specialist(s.specialist(), s.modelVersion(), s.label(), s.confidence());
    }
    return b.build();
  }
}
