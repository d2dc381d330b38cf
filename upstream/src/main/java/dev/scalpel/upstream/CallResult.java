package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;

/** What one HTTP attempt against one tier came to; the chain decides what follows. */
sealed interface CallResult {
  /** A good answer: the upstream's JSON, or the chat.completion assembled from a stream. */
  record Ok(JsonNode response) implements CallResult {}

  /**
   * A failure before any chunk reached the sink. {@code httpStatus} is the upstream's (0 if none);
   * {@code error} is what a client would see if this stays the last failure; {@code detail} is for
   * the log.
   */
  record Fail(
      Attempt.Result result, int httpStatus, OpenAiError error, String retryAfter, String detail)
      implements CallResult {}

  /** The stream failed after {@code chunksSent} chunks; {@code partialText} is what they held. */
  record Broken(int chunksSent, String partialText, String detail) implements CallResult {}

  /** The caller cancelled, the thread was interrupted, or the sink's client went away. */
  record Cancelled(String detail) implements CallResult {}
}
