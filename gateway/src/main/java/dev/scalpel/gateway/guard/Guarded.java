package dev.scalpel.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.guard.pii.PiiSession;
import dev.scalpel.guard.pii.PiiType;
import java.util.Set;

/**
 * A request as the client sent it ({@code raw}) and with its personal data replaced by placeholders
 * ({@code redacted}, the same node when nothing was found), the kinds found, and the session that
 * can put the originals back into an answer.
 */
public record Guarded(
    ObjectNode raw,
    ObjectNode redacted,
    Set<PiiType> found,
    PiiSession session,
    String redactedLastUserText) {
  public Guarded {
    found = Set.copyOf(found);
  }

  /** Whether the request holds personal data. */
  public boolean hasPii() {
    return !found.isEmpty();
  }

  /** {@code text} with the originals of this request's placeholders put back. */
  public String restore(String text) {
    return hasPii() ? session.restore(text) : text;
  }

  /** Puts the originals back into every {@code choices[].message.content} of a completion. */
  public void restoreCompletion(ObjectNode completion) {
    if (!hasPii()) {
      return;
    }
    for (JsonNode choice : completion.path("choices")) {
      JsonNode message = choice.get("message");
      if (message instanceof ObjectNode m && m.path("content").isTextual()) {
        m.put("content", session.restore(m.get("content").asText()));
      }
    }
  }
}
