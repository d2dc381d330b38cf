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
   * prompt, and with the best passages of knowledge base {@code kb} as grounding (empty: none).
   */
  record Escalate(String tier, String systemPrompt, String kb) implements LabelAction {
    public Escalate(String tier, String systemPrompt) {
      this(tier, systemPrompt, "");
    }
  }

  /**
   * Answer locally from knowledge base {@code kb} (empty: the one a rule picked), the best {@code
   * passages} passages filled into {@code template} (see {@code AnswerTemplate}); when no passage
   * is close enough, escalate with them as grounding.
   */
  record Knowledge(String kb, String template, int passages) implements LabelAction {
    public Knowledge {
      if (passages < 1) {
        throw new IllegalArgumentException("passages must be >= 1, found " + passages);
      }
    }
  }

  /** Hand off to a person with this reason. */
  record Handoff(String reason) implements LabelAction {}
}
