package dev.scalpel.upstream;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.scalpel.core.io.Json;
import java.io.IOException;
import java.util.Optional;

/** Maps an upstream's HTTP status and body to a {@link CallResult}, following the fault table. */
final class ResponseClassifier {
  private static final ObjectReader READER =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int SNIPPET = 200;

  private ResponseClassifier() {}

  static CallResult classify(
      String tier, Endpoint endpoint, int status, byte[] body, String retryAfter) {
    Optional<JsonNode> json = parse(body);
    if (status >= 200 && status < 300) {
      if (json.isEmpty() || !json.get().path(endpoint.requiredArray()).isArray()) {
        String detail =
            "malformed response body (HTTP "
                + status
                + ", expected JSON with a '"
                + endpoint.requiredArray()
                + "' array)";
        return fail(Attempt.Result.MALFORMED_RESPONSE, status, UpstreamErrors.failed(tier, detail));
      }
      return new CallResult.Ok(json.get());
    }
    Optional<OpenAiError> upstreamError = json.flatMap(OpenAiError::parse);
    String detail = "HTTP " + status + upstreamError.map(e -> ": " + e.message()).orElse("");
    if (status == 429) {
      return new CallResult.Fail(
          Attempt.Result.RATE_LIMITED,
          status,
          upstreamError.orElseGet(() -> UpstreamErrors.rateLimited(tier)),
          retryAfter,
          detail);
    }
    if (status == 401 || status == 403) {
      return fail(
          Attempt.Result.UPSTREAM_AUTH_ERROR,
          status,
          UpstreamErrors.failed(tier, "it rejected Scalpel's credentials (HTTP " + status + ")"));
    }
    if (status == 408) {
      return fail(
          Attempt.Result.TIMEOUT,
          status,
          UpstreamErrors.timedOut("upstream tier '" + tier + "' timed out (HTTP 408)"));
    }
    if (status >= 400 && status < 500) {
      OpenAiError error =
          upstreamError.orElseGet(() ->
              new OpenAiError(
                  "upstream rejected the request (HTTP " + status + "): " + snippet(body),
                  "invalid_request_error",
                  "",
                  ""));
      return new CallResult.Fail(Attempt.Result.CLIENT_ERROR, status, error, "", detail);
    }
    return fail(Attempt.Result.SERVER_ERROR, status, UpstreamErrors.failed(tier, detail));
  }

  /** The body as JSON, or empty when it is not exactly one JSON value. */
  static Optional<JsonNode> parse(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = READER.readTree(body);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The body as JSON text, or empty when it is not exactly one JSON value. */
  static Optional<JsonNode> parse(String text) {
    try {
      JsonNode node = READER.readTree(text);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static CallResult.Fail fail(Attempt.Result result, int status, OpenAiError error) {
    return new CallResult.Fail(result, status, error, "", error.message());
  }

  private static String snippet(byte[] body) {
    if (body == null || body.length == 0) {
      return "(empty body)";
    }
    String text = new String(body, 0, Math.min(body.length, SNIPPET), UTF_8).strip();
    return body.length > SNIPPET ? text + "..." : text;
  }
}
