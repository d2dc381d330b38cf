package dev.scalpel.gateway.access;

import java.time.Instant;
import java.util.Objects;

/**
 * One admin action from the audit log.
 *
 * @param actor who did it: {@code cli:<os user>} or {@code key:<admin key name>}
 * @param action {@code key.create} or {@code key.revoke}
 * @param target the key's name
 * @param detail the key's id and settings, as {@code name=value} pairs
 */
public record AuditEntry(
    long id, Instant time, String actor, String action, String target, String detail) {
  public static final String CREATE = "key.create";
  public static final String REVOKE = "key.revoke";

  public AuditEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
  }
}
