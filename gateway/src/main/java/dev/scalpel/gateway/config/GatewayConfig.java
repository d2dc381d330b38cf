package dev.scalpel.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole gateway configuration, immutable and validated by {@link ConfigLoader}: server limits,
 * where state is stored and how long request text is kept ({@code retention}, zero: forever), the
 * API keys accepted, the model names that mean "route", specialists, routing, upstream tiers, the
 * guard and the knowledge bases.
 */
public record GatewayConfig(
    Path source,
    ServerConfig server,
    Path dataDir,
    boolean durableSync,
    Duration retention,
    List<ApiKey> keys,
    List<String> aliases,
    List<SpecialistConfig> specialists,
    RoutingConfig routing,
    List<TierConfig> tiers,
    String defaultTier,
    List<String> fallback,
    GuardConfig guard,
    List<KnowledgeConfig> knowledgeBases,
    CacheConfig cache) {

  public GatewayConfig {
    keys = List.copyOf(keys);
    aliases = List.copyOf(aliases);
    specialists = List.copyOf(specialists);
    tiers = List.copyOf(tiers);
    fallback = List.copyOf(fallback);
    knowledgeBases = List.copyOf(knowledgeBases);
  }

  /** An accepted API key: a name (logged as the key id) and the secret. */
  public record ApiKey(String name, String secret) {}

  public Optional<TierConfig> tier(String name) {
    return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The tier whose price is the counterfactual: what a request would have cost without Scalpel. */
  public Optional<TierConfig> defaultGeneralist() {
    return tier(defaultTier);
  }

  public GatewayConfig withPort(int port) {
    ServerConfig s = server;
    return new GatewayConfig(
        source,
        new ServerConfig(
            s.host(),
            port,
            s.requestDeadline(),
            s.maxBodyBytes(),
            s.maxMessages(),
            s.maxPromptTokens()),
        dataDir,
        durableSync,
        retention,
        keys,
        aliases,
        specialists,
        routing,
        tiers,
        defaultTier,
        fallback,
        guard,
        knowledgeBases,
        cache);
  }

  /** The same configuration with another data directory (registry-backed specialists follow it). */
  public GatewayConfig withDataDir(Path dir) {
    return new GatewayConfig(
        source,
        server,
        dir,
        durableSync,
        retention,
        keys,
        aliases,
        specialists.stream()
            .map(sc ->
                sc.fromRegistry()
                    ? new SpecialistConfig(
                        sc.name(), dir.resolve("registry"), sc.registry(), sc.targetPrecision())
                    : sc)
            .toList(),
        routing,
        tiers,
        defaultTier,
        fallback,
        guard,
        knowledgeBases,
        cache);
  }
}
