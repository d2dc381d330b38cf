package dev.scalpel.learn.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * What {@code scalpel eval} reports: the metrics at the top level, then which model and data, and
 * the robustness section when perturbations were asked for.
 */
public record EvalReport(
    @JsonUnwrapped EvalMetrics metrics,
    String model,
    String data,
    double abstainThreshold,
    double oosThreshold,
    double targetPrecision,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RobustnessResult> robustness) {
  public EvalReport {
    robustness = List.copyOf(robustness);
  }
}
