package dev.scalpel.flywheel.simulate;

import dev.scalpel.core.Decision;
import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.eval.EvalMetrics;
import dev.scalpel.learn.eval.MetricsCalculator;
import java.util.List;

/**
 * A model measured on the test file, with the meanings {@code scalpel eval} gives the metrics;
 * {@code llmShare} is the share of all test requests that would be escalated (every decision but
 * {@code answer}). Intents the model never learned count as in-scope: they are requests it should
 * eventually answer.
 */
public record TestMetrics(
    Double coverage,
    Double inScopeAnsweredAccuracy,
    Double answeredAccuracy,
    Double inScopeAccuracy,
    double llmShare) {
  public TestMetrics {
    if (!(llmShare >= 0 && llmShare <= 1)) {
      throw new IllegalArgumentException("llm share must be in [0, 1], found " + llmShare);
    }
  }

  /** Measures {@code specialist} on {@code test}. */
  public static TestMetrics measure(Specialist specialist, Dataset test, Progress progress) {
    List<Prediction> predictions = specialist.classifyAll(test.texts(), progress);
    EvalMetrics metrics =
        MetricsCalculator.compute(
            test.examples().stream().map(Example::label).toList(), predictions, test.oosLabel());
    long escalated = predictions.stream().filter(p -> p.decision() != Decision.ANSWER).count();
    return new TestMetrics(
        metrics.coverage(),
        metrics.inScopeAnsweredAccuracy(),
        metrics.answeredAccuracy(),
        metrics.inScopeAccuracy(),
        test.size() == 0 ? 0 : (double) escalated / test.size());
  }
}
