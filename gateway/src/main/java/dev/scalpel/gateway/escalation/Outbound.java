package dev.scalpel.gateway.escalation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.guard.pii.PiiType;
import java.util.Set;

/**
 * What may be sent upstream for one request: the body as the client wrote it, the same body with
 * personal data replaced by placeholders, and the kinds of personal data it holds. Each tier gets
 * the form its policy allows, and tiers that refuse one of the kinds found are skipped.
 */
public record Outbound(ObjectNode raw, ObjectNode redacted, Set<PiiType> found) {
  public Outbound {
    found = Set.copyOf(found);
  }

  /** A body without personal data. */
  public static Outbound plain(ObjectNode body) {
    return new Outbound(body, body, Set.of());
  }

  /** The same request with {@code edit} applied to both forms (for example a system prompt). */
  public Outbound map(java.util.function.UnaryOperator<ObjectNode> edit) {
    ObjectNode r = edit.apply(raw.deepCopy());
    return new Outbound(r, raw == redacted ? r : edit.apply(redacted.deepCopy()), found);
  }
}
