package dev.scalpel.flywheel.registry;

/**
 * One line of a registry's {@code audit.jsonl}: when, who (the OS user), what ({@code promote},
 * {@code rollback}, or either with {@code -refused}), which version, the champion before, whether
 * {@code --force} overrode a failed gate, and the reason given or found.
 */
public record AuditEntry(
    String time,
    String actor,
    String action,
    String version,
    String previous,
    boolean forced,
    String reason) {}
