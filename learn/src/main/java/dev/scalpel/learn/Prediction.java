package dev.scalpel.learn;

import dev.scalpel.core.Decision;
import java.util.List;

/**
 * A specialist's answer for one text: the final {@code label} (the out-of-scope label when the
 * decision is {@code oos}), the calibrated {@code confidence} of the top label, the {@code top}
 * labels, the {@code decision}, and the n-grams that pushed the decision most.
 */
public record Prediction(
    String label,
    double confidence,
    List<ScoredLabel> top,
    Decision decision,
    List<Contribution> explanation) {
  public Prediction {
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], found " + confidence);
    }
    top = List.copyOf(top);
    explanation = List.copyOf(explanation);
  }

  /** The top-ranked label before any out-of-scope or abstain decision. */
  public String topLabel() {
    return top.getFirst().label();
  }
}
