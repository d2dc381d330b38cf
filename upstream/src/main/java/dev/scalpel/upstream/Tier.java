package dev.scalpel.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One OpenAI-compatible upstream (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp server, the stub)
 * and the model Scalpel asks it for.
 *
 * <p>{@code baseUrl} is the API root that {@code /chat/completions} is appended to, for example
 * {@code http://127.0.0.1:8089/v1}. {@code apiKeyEnv} names the environment variable holding the
 * bearer key, or is empty for an upstream without authentication. {@code requestTimeout} bounds one
 * attempt of a non-streaming call; for a stream it bounds the wait for the response headers and
 * every gap between two chunks. {@code maxRetries} is how many times a failed attempt is retried on
 * this tier before the next tier of the chain is tried.
 */
public record Tier(
    String name,
    URI baseUrl,
    String model,
    String apiKeyEnv,
    Prices prices,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRetries) {
  /** The most retries a tier may ask for; more only delays the fallback. */
  public static final int MAX_RETRIES = 10;

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public Tier {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("tier name: expected non-blank text, found " + q(name));
    }
    String where = "tier '" + name + "': ";
    if (baseUrl == null
        || !baseUrl.isAbsolute()
        || baseUrl.getHost() == null
        || !isHttp(baseUrl.getScheme())) {
      throw new IllegalArgumentException(
          where
              + "base URL: expected an absolute http(s) URL such as http://127.0.0.1:8089/v1, found "
              + q(baseUrl == null ? null : baseUrl.toString()));
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(where + "model: expected a model name, found " + q(model));
    }
    if (apiKeyEnv == null || !(apiKeyEnv.isEmpty() || ENV_NAME.matcher(apiKeyEnv).matches())) {
      throw new IllegalArgumentException(
          where
              + "API key variable: expected an environment variable name such as OPENAI_API_KEY"
              + " (or nothing), found "
              + q(apiKeyEnv));
    }
    if (prices == null) {
      throw new IllegalArgumentException(where + "prices: expected prices, found null");
    }
    checkPositive(where + "connect timeout", connectTimeout);
    checkPositive(where + "request timeout", requestTimeout);
    if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
      throw new IllegalArgumentException(
          where + "max retries: expected 0 to " + MAX_RETRIES + ", found " + maxRetries);
    }
  }

  /**
   * A tier without authentication, free, with a 2 s connect timeout, a 60 s request timeout and 2
   * retries; adjust it with the {@code with...} methods.
   */
  public static Tier of(String name, URI baseUrl, String model) {
    return new Tier(
        name, baseUrl, model, "", Prices.FREE, Duration.ofSeconds(2), Duration.ofSeconds(60), 2);
  }

  public Tier withApiKeyEnv(String variable) {
    return new Tier(
        name, baseUrl, model, variable, prices, connectTimeout, requestTimeout, maxRetries);
  }

  public Tier withPrices(Prices newPrices) {
    return new Tier(
        name, baseUrl, model, apiKeyEnv, newPrices, connectTimeout, requestTimeout, maxRetries);
  }

  public Tier withTimeouts(Duration connect, Duration request) {
    return new Tier(name, baseUrl, model, apiKeyEnv, prices, connect, request, maxRetries);
  }

  public Tier withMaxRetries(int retries) {
    return new Tier(
        name, baseUrl, model, apiKeyEnv, prices, connectTimeout, requestTimeout, retries);
  }

  /** The URI of an API path below the base URL, such as {@code chat/completions}. */
  public URI endpoint(String path) {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + "/" + path);
  }

  private static boolean isHttp(String scheme) {
    if (scheme == null) {
      return false;
    }
    String s = scheme.toLowerCase(Locale.ROOT);
    return s.equals("http") || s.equals("https");
  }

  private static void checkPositive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + ": expected a positive duration, found " + d);
    }
  }

  private static String q(String s) {
    return s == null ? "nothing" : "'" + s + "'";
  }
}
