package dev.scalpel.upstream;

/** Why a fallback chain produced no answer, before any byte reached the client. */
public enum FailureKind {
  /** Connection errors, 5xx, malformed bodies, rejected credentials: 502 {@code upstream_error}. */
  UPSTREAM_ERROR,
  /** The tier's timeout or the request's deadline: 504. */
  TIMEOUT,
  /** The last tier tried answered 429: 429 with its Retry-After. */
  RATE_LIMITED,
  /** The upstream rejected the request itself (4xx): the same status and message. */
  REQUEST_REJECTED,
  /** Every tier's circuit is open, nothing was called: 502 {@code upstream_error}. */
  ALL_CIRCUITS_OPEN
}
