package dev.scalpel.learn;

import dev.scalpel.core.progress.Progress;
import java.util.List;

/**
 * A trained specialist: maps text to a label with a calibrated confidence and a decision ({@code
 * answer}, {@code abstain}, {@code oos}). Load one with {@link SpecialistFiles#load}, train one
 * with {@link SpecialistTrainer}. Implementations are immutable and thread-safe.
 */
public interface Specialist {
  /** Classifies one text, embedding it with the model's encoder when it uses one. */
  Prediction classify(String text);

  /**
   * Classifies one text whose sentence embedding was already computed by the same encoder (several
   * specialists of one request share it).
   */
  Prediction classify(String text, float[] embedding);

  /** Classifies many texts, embedding them in batches. */
  List<Prediction> classifyAll(List<String> texts, Progress progress);

  ModelInfo info();

  /**
   * This specialist operated at another precision target, using the validation curve stored in the
   * model.
   */
  Specialist withTargetPrecision(double targetPrecision);
}
