package dev.scalpel.core.route;

/**
 * What the router decided for one request. Every place that handles it switches over it
 * exhaustively.
 */
public sealed interface RouteDecision {
  /** The route this decision leads to. */
  Route route();

  /** A specialist answers locally with {@code answer}. */
  record Local(String specialist, String label, double confidence, String answer)
      implements RouteDecision {
    @Override
    public Route route() {
      return Route.LOCAL;
    }
  }

  /**
   * A generalist answers: {@code tier} names the first tier of the fallback chain (empty for the
   * default chain), {@code systemPrompt} is prepended when not empty. {@code specialist}, {@code
   * label} and {@code confidence} say which verdict led here (empty and 0 when no specialist ran).
   */
  record Escalate(
      String tier,
      String reason,
      String systemPrompt,
      String specialist,
      String label,
      double confidence)
      implements RouteDecision {
    @Override
    public Route route() {
      return Route.ESCALATED;
    }
  }

  /** A person takes over; the client gets the configured hand-off reply. */
  record Handoff(String reason, String specialist, String label, double confidence)
      implements RouteDecision {
    @Override
    public Route route() {
      return Route.HANDOFF;
    }
  }

  /** Refused by policy, with a reason the client may see. */
  record Reject(String reason) implements RouteDecision {
    @Override
    public Route route() {
      return Route.REJECTED;
    }
  }
}
