package dev.scalpel.gateway.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.gateway.config.GatewayConfig;
import dev.scalpel.gateway.config.PiiPolicy;
import dev.scalpel.gateway.config.TierConfig;
import dev.scalpel.gateway.http.ApiException;
import dev.scalpel.guard.pii.PiiType;
import dev.scalpel.upstream.Attempt;
import dev.scalpel.upstream.Cancellation;
import dev.scalpel.upstream.OpenAiError;
import dev.scalpel.upstream.Prices;
import dev.scalpel.upstream.Tier;
import dev.scalpel.upstream.UpstreamOutcome;
import dev.scalpel.upstream.Upstreams;
import dev.scalpel.upstream.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured upstream tiers behind {@link Generalist}, calling them through {@link Upstreams}.
 */
public final class UpstreamGeneralist implements Generalist {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Upstreams upstreams;
  private final Map<String, Tier> tiers;
  private final Map<String, TierConfig> policies;
  private final List<String> fallback;
  private final Tier defaultTier;

  private UpstreamGeneralist(
      Upstreams upstreams,
      Map<String, Tier> tiers,
      Map<String, TierConfig> policies,
      List<String> fallback,
      Tier defaultTier) {
    this.upstreams = upstreams;
    this.tiers = tiers;
    this.policies = policies;
    this.fallback = fallback;
    this.defaultTier = defaultTier;
  }

  /** The generalist of {@code config}; {@code upstreams} is shared and closed by the caller. */
  public static UpstreamGeneralist create(GatewayConfig config, Upstreams upstreams) {
    if (config.tiers().isEmpty()) {
      throw new IllegalArgumentException("a generalist needs at least one upstream tier");
    }
    Map<String, Tier> tiers = new LinkedHashMap<>();
    for (TierConfig t : config.tiers()) {
      tiers.put(
          t.name(),
          Tier.of(t.name(), t.baseUrl(), t.model())
              .withApiKeyEnv(t.apiKeyEnv())
              .withPrices(new Prices(t.inputUsdPerMillion(), t.outputUsdPerMillion()))
              .withTimeouts(CONNECT_TIMEOUT, t.timeout())
              .withMaxRetries(t.maxRetries()));
    }
    Map<String, TierConfig> policies = new LinkedHashMap<>();
    config.tiers().forEach(t -> policies.put(t.name(), t));
    return new UpstreamGeneralist(
        upstreams,
        Map.copyOf(tiers),
        Map.copyOf(policies),
        config.fallback(),
        tiers.get(config.defaultTier()));
  }

  @Override
  public Set<String> passthroughModels() {
    Set<String> models = new HashSet<>();
    tiers.values().forEach(t -> models.add(t.model()));
    return models;
  }

  @Override
  public GeneralistResult complete(
      Outbound body, String firstTier, Instant deadline, Cancellation cancel) {
    Outbound request =
        body.map(b -> {
          b.remove("stream");
          b.remove("stream_options");
          return b;
        });
    List<Tier> chain = allowed(chain(firstTier), request);
    if (chain.isEmpty()) {
      return refused(request);
    }
    return result(upstreams.complete(chain, bodies(request), deadline, cancel), true);
  }

  @Override
  public GeneralistResult stream(
      Outbound body, String firstTier, Instant deadline, Cancellation cancel, ChunkSink sink) {
    List<Tier> chain = allowed(chain(firstTier), body);
    if (chain.isEmpty()) {
      return refused(body);
    }
    dev.scalpel.upstream.ChunkSink forward =
        new dev.scalpel.upstream.ChunkSink() {
          @Override
          public void onChunk(String data, JsonNode chunk) throws IOException {
            try {
              sink.chunk(data);
            } catch (UncheckedIOException clientGone) {
              throw clientGone.getCause();
            }
          }

          @Override
          public void onDone() {
            // The gateway sends [DONE] itself, after the request is accounted.
          }
        };
    return result(upstreams.stream(chain, bodies(body), deadline, cancel, forward), false);
  }

  @Override
  public GeneralistResult embed(
      Outbound body, String model, Instant deadline, Cancellation cancel) {
    List<Tier> chain = allowed(chain(model), body);
    if (chain.isEmpty()) {
      return refused(body);
    }
    return result(upstreams.embed(chain, bodies(body), deadline, cancel), true);
  }

  @Override
  public double maxCost(String firstTier, long tokensIn, long tokensOut) {
    return chain(firstTier).stream()
        .mapToDouble(t -> t.prices().cost(tokensIn, tokensOut))
        .max()
        .orElse(0);
  }

  @Override
  public double counterfactualCost(long tokensIn, long tokensOut) {
    return defaultTier == null ? 0 : defaultTier.prices().cost(tokensIn, tokensOut);
  }

  /**
   * The chain for a request: the configured fallback order; a tier name moves that tier first; a
   * model name (pass-through) keeps only the tiers serving that model.
   */
  List<Tier> chain(String first) {
    List<Tier> chain = new ArrayList<>();
    if (!first.isEmpty() && !tiers.containsKey(first)) {
      fallback.stream().map(tiers::get).filter(t -> t.model().equals(first)).forEach(chain::add);
      tiers.values().stream()
          .filter(t -> t.model().equals(first) && !chain.contains(t))
          .forEach(chain::add);
      return chain;
    }
    if (!first.isEmpty()) {
      chain.add(tiers.get(first));
    }
    fallback.stream().map(tiers::get).filter(t -> !chain.contains(t)).forEach(chain::add);
    return chain;
  }

  /** The tiers of {@code chain} whose policy accepts the personal data {@code body} holds. */
  private List<Tier> allowed(List<Tier> chain, Outbound body) {
    return chain.stream()
        .filter(t -> body.found().stream().noneMatch(policies.get(t.name()).refusePii()::contains))
        .toList();
  }

  /** Each tier's form of the request: raw for a tier allowed to see it, else redacted. */
  private Function<Tier, ObjectNode> bodies(Outbound body) {
    return tier -> policies.get(tier.name()).pii() == PiiPolicy.RAW ? body.raw() : body.redacted();
  }

  private static GeneralistResult refused(Outbound body) {
    String kinds =
        body.found().stream().map(PiiType::wireName).sorted().collect(Collectors.joining(", "));
    return new GeneralistResult.Failed(
        new ApiException(
            400,
            "invalid_request_error",
            "pii_not_allowed",
            "messages",
            "the request contains personal data ("
                + kinds
                + ") that no configured upstream may receive; remove it and try again"),
        "",
        false,
        GeneralistResult.PII_REFUSED,
        List.of());
  }

  private static GeneralistResult result(UpstreamOutcome outcome, boolean keepBody) {
    return switch (outcome) {
      case UpstreamOutcome.Completed c -> {
        Usage usage = c.usage();
        yield new GeneralistResult.Answered(
            keepBody && c.response() instanceof ObjectNode o ? o : null,
            c.tier().name(),
            c.tier().model(),
            usage.promptTokens(),
            usage.completionTokens(),
            c.cost(),
            c.calls(),
            failures(c));
      }
      case UpstreamOutcome.Failed f ->
          new GeneralistResult.Failed(
              apiError(f.status(), f.error(), f.retryAfter()),
              last(f.tiersTried()),
              false,
              f.kind().name().toLowerCase(java.util.Locale.ROOT),
              failures(f));
      case UpstreamOutcome.StreamBroken b ->
          new GeneralistResult.Failed(
              apiError(502, b.error(), ""), b.tier().name(), true, "stream_broken", failures(b));
      case UpstreamOutcome.Cancelled c ->
          new GeneralistResult.Failed(
              new ApiException(
                  499, "client_closed", "client_closed", "", "the client closed the connection"),
              last(c.tiersTried()),
              true,
              GeneralistResult.CANCELLED,
              List.of());
    };
  }

  private static List<GeneralistResult.FailedAttempt> failures(UpstreamOutcome outcome) {
    return outcome.attempts().stream()
        .filter(a ->
            a.result() != Attempt.Result.SUCCESS
                && a.result() != Attempt.Result.CANCELLED
                && a.result() != Attempt.Result.CIRCUIT_OPEN)
        .map(a ->
            new GeneralistResult.FailedAttempt(
                a.tier(), a.result().name().toLowerCase(java.util.Locale.ROOT)))
        .toList();
  }

  private static ApiException apiError(int status, OpenAiError error, String retryAfter) {
    return new ApiException(
        status, error.type(), error.code(), error.param(), error.message(), retryAfter);
  }

  private static String last(List<String> names) {
    return names.isEmpty() ? "" : names.getLast();
  }
}
