package dev.scalpel.gateway.config;

import java.net.URI;
import java.time.Duration;

/**
 * An OpenAI-compatible upstream: where it is, which model, the environment variable holding its API
 * key (empty for none), its prices in USD per million input and output tokens, its timeout and
 * retries.
 */
public record TierConfig(
    String name,
    URI baseUrl,
    String model,
    String apiKeyEnv,
    double inputUsdPerMillion,
    double outputUsdPerMillion,
    Duration timeout,
    int maxRetries) {}
