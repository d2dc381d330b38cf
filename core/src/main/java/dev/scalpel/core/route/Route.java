package dev.scalpel.core.route;

import java.util.Locale;

/**
 * How a request was served: {@code local} (a specialist answered), {@code escalated} (a generalist
 * LLM answered), {@code handoff} (queued for a person), {@code rejected} (refused by policy or
 * limits) or {@code passthrough} (the client named an upstream model). The lower-case names are the
 * wire vocabulary: the {@code x-scalpel-route} header, the request log, metrics and the dashboard.
 */
public enum Route {
  LOCAL,
  ESCALATED,
  HANDOFF,
  REJECTED,
  PASSTHROUGH;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The route named {@code wire}, or an exception listing the valid names. */
  public static Route fromWire(String wire) {
    for (Route r : values()) {
      if (r.wireName().equals(wire)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown route '"
            + wire
            + "' (expected local, escalated, handoff, rejected or passthrough)");
  }
}
