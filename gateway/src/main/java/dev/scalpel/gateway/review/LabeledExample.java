package dev.scalpel.gateway.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewed text and its label ({@code oos} for out of scope, {@code new:<name>} for an intent to
 * create), who it comes from ({@code person} or {@code both}) and when it was decided.
 */
public record LabeledExample(String text, String label, String source, Instant time) {
  public LabeledExample {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
  }

  /** Whether the label names an intent that does not exist yet. */
  public boolean newIntent() {
    return label.startsWith(ReviewLabels.NEW_PREFIX);
  }
}
