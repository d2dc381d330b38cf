package dev.scalpel.upstream;

/** The client-facing errors Scalpel writes when an upstream fails (OpenAI's shape). */
final class UpstreamErrors {
  private UpstreamErrors() {}

  /** 502: the tier failed in a way that is not the client's fault. */
  static OpenAiError failed(String tier, String detail) {
    return new OpenAiError(
        "upstream tier '" + tier + "' failed: " + detail, "upstream_error", "", "upstream_error");
  }

  /** 504: the tier or the request's deadline ran out. */
  static OpenAiError timedOut(String what) {
    return new OpenAiError(what, "upstream_error", "", "upstream_timeout");
  }

  /** 429 without an OpenAI-shaped error from the upstream. */
  static OpenAiError rateLimited(String tier) {
    return new OpenAiError(
        "upstream tier '" + tier + "' is rate limited; retry later",
        "rate_limit_error",
        "",
        "rate_limit_exceeded");
  }

  /** 502 when no tier could be called because every circuit is open. */
  static OpenAiError allCircuitsOpen(String tiers) {
    return new OpenAiError(
        "no upstream tier available: circuit open for " + tiers,
        "upstream_error",
        "",
        "circuit_open");
  }

  /** The SSE error event after a stream broke. */
  static OpenAiError streamBroken(String tier, String detail) {
    return new OpenAiError(
        "upstream tier '" + tier + "' stream broke: " + detail,
        "upstream_error",
        "",
        "stream_broken");
  }
}
