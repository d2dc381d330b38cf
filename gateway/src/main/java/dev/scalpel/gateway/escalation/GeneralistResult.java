package dev.scalpel.gateway.escalation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.gateway.http.ApiException;
import java.util.List;

/** How a call to the generalists ended. */
public sealed interface GeneralistResult {
  /** The {@link Failed#kind} of a call stopped because the client went away. */
  String CANCELLED = "cancelled";

  /** The {@link Failed#kind} of a call no tier may receive, for the personal data it holds. */
  String PII_REFUSED = "pii_refused";

  /** Attempts that failed on the way (retried or fallen back from), for metrics. */
  List<FailedAttempt> failedAttempts();

  /** One failed attempt: the tier and what went wrong (server_error, timeout, ...). */
  record FailedAttempt(String tier, String kind) {}

  /**
   * An answer from {@code tier}: the response body (null when streamed), tokens and cost, and how
   * many calls it took over all tiers.
   */
  record Answered(
      ObjectNode response,
      String tier,
      String model,
      long tokensIn,
      long tokensOut,
      double costUsd,
      int attempts,
      List<FailedAttempt> failedAttempts)
      implements GeneralistResult {
    public Answered {
      failedAttempts = List.copyOf(failedAttempts);
    }
  }

  /**
   * No answer: the error the client gets, the last tier tried, whether stream bytes had already
   * reached the client (then the stream ends with an error event instead of an error status), and
   * the kind of failure.
   */
  record Failed(
      ApiException error,
      String tier,
      boolean bytesSent,
      String kind,
      List<FailedAttempt> failedAttempts)
      implements GeneralistResult {
    public Failed {
      failedAttempts = List.copyOf(failedAttempts);
    }
  }
}
