package dev.scalpel.gateway.accounting;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request handed off to a person: who asked, what the specialists made of it, why it was handed
 * off, the conversation (messages as JSON, as stored: redacted unless the operator chose raw
 * storage), and, once someone dealt with it, when, by whom and with what note.
 *
 * @param resolvedAt when it was resolved, or null while it is open
 */
public record Handoff(
    String requestId,
    Instant time,
    String apiKeyId,
    String specialist,
    String label,
    Double confidence,
    String reason,
    String text,
    String conversation,
    Instant resolvedAt,
    String resolvedBy,
    String note) {
  public Handoff {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(time, "time");
    apiKeyId = Objects.requireNonNullElse(apiKeyId, "");
    specialist = Objects.requireNonNullElse(specialist, "");
    label = Objects.requireNonNullElse(label, "");
    reason = Objects.requireNonNullElse(reason, "");
    text = Objects.requireNonNullElse(text, "");
    conversation = Objects.requireNonNullElse(conversation, "");
    resolvedBy = Objects.requireNonNullElse(resolvedBy, "");
    note = Objects.requireNonNullElse(note, "");
  }

  /** Whether nobody has dealt with it yet. */
  public boolean open() {
    return resolvedAt == null;
  }

  /** When it was resolved, if it was. */
  public Optional<Instant> resolution() {
    return Optional.ofNullable(resolvedAt);
  }
}
