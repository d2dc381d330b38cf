package dev.scalpel.gateway.config;

import dev.scalpel.guard.pii.PiiType;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * An OpenAI-compatible upstream: where it is, which model, the environment variable holding its API
 * key (empty for none), its prices in USD per million input and output tokens, its timeout and
 * retries, what it may receive of personal data ({@code pii}) and which kinds of personal data make
 * it refuse a request ({@code refusePii}: such requests skip this tier).
 */
public record TierConfig(
    String name,
    URI baseUrl,
    String model,
    String apiKeyEnv,
    double inputUsdPerMillion,
    double outputUsdPerMillion,
    Duration timeout,
    int maxRetries,
    PiiPolicy pii,
    Set<PiiType> refusePii) {
  public TierConfig {
    refusePii = Set.copyOf(refusePii);
  }

  /** A tier that receives redacted text and refuses nothing. */
  public TierConfig(
      String name,
      URI baseUrl,
      String model,
      String apiKeyEnv,
      double inputUsdPerMillion,
      double outputUsdPerMillion,
      Duration timeout,
      int maxRetries) {
    this(
        name,
        baseUrl,
        model,
        apiKeyEnv,
        inputUsdPerMillion,
        outputUsdPerMillion,
        timeout,
        maxRetries,
        PiiPolicy.REDACT,
        Set.of());
  }
}
