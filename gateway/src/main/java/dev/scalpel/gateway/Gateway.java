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
import dev.scalpel.gateway.config.ConfigLoader;
import dev.scalpel.gateway.config.GatewayConfig;
import dev.scalpel.gateway.escalation.Generalist;
import dev.scalpel.gateway.escalation.UpstreamGeneralist;
import dev.scalpel.gateway.http.GatewayServer;
import dev.scalpel.gateway.http.ReloadResult;
import dev.scalpel.gateway.http.Served;
import dev.scalpel.gateway.http.Serving;
import dev.scalpel.gateway.http.TokenCounting;
import dev.scalpel.gateway.knowledge.KnowledgeBases;
import dev.scalpel.gateway.metrics.GatewayMetrics;
import dev.scalpel.gateway.routing.ChampionSource;
import dev.scalpel.gateway.routing.SpecialistPool;
import dev.scalpel.upstream.TokenCounter;
import dev.scalpel.upstream.Upstreams;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running gateway: specialists loaded, request log open, upstreams ready, HTTP server listening.
 * {@link #reload} reads the configuration file again and serves with it without a restart. Closing
 * it stops the server (in-flight requests finish), then flushes the log and releases the rest.
 */
public final class Gateway implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

  private final Resources resources;
  private final GatewayServer server;
  private final Retention retention;

  private Gateway(Resources resources, GatewayServer server, Retention retention) {
    this.resources = resources;
    this.server = server;
    this.retention = retention;
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
    Resources resources = Resources.open(config, registries);
    try {
      Serving serving = resources.serving(config);
      GatewayServer server;
      try {
        server =
            GatewayServer.start(
                serving,
                resources.metrics,
                resources.keys,
                running -> resources.serving(reread(running)),
                resources::retire);
      } catch (RuntimeException e) {
        serving.close();
        throw e;
      }
      Retention retention =
          Retention.start(StoredText.open(config.dataDir()), config.retention(), Clock.systemUTC());
      return new Gateway(resources, server, retention);
    } catch (RuntimeException e) {
      resources.close();
      throw e;
    }
  }

  /** The configuration file again, with the listen address and data directory in force. */
  private static GatewayConfig reread(GatewayConfig running) {
    return ConfigLoader.create()
        .load(running.source())
        .withPort(running.server().port())
        .withDataDir(running.dataDir());
  }

  public int port() {
    return server.port();
  }

  /**
   * Reads the configuration file again and serves with it if it is valid and everything it names
   * loads; otherwise the running configuration stays and the result says why.
   */
  public ReloadResult reload() {
    ReloadResult result = server.reload();
    switch (result) {
      case ReloadResult.Reloaded r ->
          LOG.log(System.Logger.Level.INFO, "configuration reloaded from {0}", r.source());
      case ReloadResult.Rejected r ->
          LOG.log(System.Logger.Level.WARNING, "configuration reload refused: {0}", r.message());
    }
    return result;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      retention.close();
      server.serving().close();
      resources.close();
    }
  }

  /** What lives as long as the gateway, whatever configuration it serves with. */
  private static final class Resources implements AutoCloseable {
    private final ChampionSource.Opener registries;
    private final RequestLog log;
    private final KeyStore keys;
    private final BudgetLedger ledger;
    private final RateLimiter limiter = RateLimiter.create(Clock.systemUTC());
    private final TokenCounter counter;
    private final Upstreams upstreams;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final ScheduledExecutorService retired =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("scalpel-retired-config").daemon(true).factory());
    private final List<Serving> retiring = new ArrayList<>();
    private final Duration retireAfter;

    private Resources(
        ChampionSource.Opener registries,
        RequestLog log,
        KeyStore keys,
        BudgetLedger ledger,
        TokenCounter counter,
        Upstreams upstreams,
        Duration retireAfter) {
      this.registries = registries;
      this.log = log;
      this.keys = keys;
      this.ledger = ledger;
      this.counter = counter;
      this.upstreams = upstreams;
      this.retireAfter = retireAfter;
    }

    static Resources open(GatewayConfig config, ChampionSource.Opener registries) {
      RequestLog log =
          RequestLog.open(
              config.dataDir(), RequestLogOptions.defaults().withDurableSync(config.durableSync()));
      KeyStore keys = null;
      BudgetLedger ledger = null;
      try {
        keys = KeyStore.open(log);
        ledger = BudgetLedger.open(log);
        TokenCounter counter = TokenCounter.create();
        Upstreams upstreams = Upstreams.builder().tokenCounter(counter).build();
        return new Resources(
            registries,
            log,
            keys,
            ledger,
            counter,
            upstreams,
            config.server().requestDeadline().plusSeconds(5));
      } catch (RuntimeException e) {
        if (ledger != null) {
          ledger.close();
        }
        if (keys != null) {
          keys.close();
        }
        log.close();
        throw e;
      }
    }

    /** Loads what {@code config} serves with; closes what it opened when something fails. */
    Serving serving(GatewayConfig config) {
      SpecialistPool specialists =
          SpecialistPool.load(config.specialists(), registries, Duration.ofSeconds(1));
      KnowledgeBases knowledge = null;
      try {
        knowledge =
            config.knowledgeBases().isEmpty()
                ? KnowledgeBases.none()
                : KnowledgeBases.open(config.knowledgeBases(), specialists.encoder());
        Optional<Generalist> generalist =
            config.tiers().isEmpty()
                ? Optional.empty()
                : Optional.of(UpstreamGeneralist.create(config, upstreams));
        AccessControl access =
            new AccessControl(Access.withConfigKeys(keys, config.keys()), keys, limiter, ledger);
        return Serving.create(
            config,
            specialists,
            knowledge,
            generalist,
            tokens(counter),
            served -> log.append(record(served)),
            metrics,
            access);
      } catch (RuntimeException e) {
        if (knowledge != null) {
          knowledge.close();
        }
        specialists.close();
        throw e;
      }
    }

    /** Closes a replaced configuration once the requests that may still use it are done. */
    void retire(Serving old) {
      synchronized (retiring) {
        retiring.add(old);
      }
      retired.schedule(
          () -> {
            synchronized (retiring) {
              if (retiring.remove(old)) {
                old.close();
              }
            }
          },
          retireAfter.toMillis(),
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      retired.shutdownNow();
      synchronized (retiring) {
        retiring.forEach(Serving::close);
        retiring.clear();
      }
      ledger.close();
      keys.close();
      log.close();
      upstreams.close();
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
