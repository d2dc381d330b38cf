package dev.scalpel.gateway.config;

/** What the gateway does when the deciding specialist answers with a label. */
public sealed interface LabelAction {
  /**
   * Answer locally from a template; {@code {{text}}} is replaced by the user's last message and
   * {@code {{label}}} by the label.
   */
  record Template(String text) implements LabelAction {}

  /**
   * Send to a generalist: {@code tier} first (empty for the default chain), with an optional system
   * prompt.
   */
  record Escalate(String tier, String systemPrompt) implements LabelAction {}

  /** Hand off to a person with this reason. */
  record Handoff(String reason) implements LabelAction {}
}
