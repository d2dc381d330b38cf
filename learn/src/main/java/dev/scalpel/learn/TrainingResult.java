package dev.scalpel.learn;

import java.util.List;

/** A freshly trained specialist and the warnings raised while training it. */
public record TrainingResult(Specialist specialist, List<String> warnings) {
  public TrainingResult {
    warnings = List.copyOf(warnings);
  }
}
