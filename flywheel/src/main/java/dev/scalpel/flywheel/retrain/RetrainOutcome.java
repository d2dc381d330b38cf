package dev.scalpel.flywheel.retrain;

import dev.scalpel.flywheel.gate.GateReport;
import dev.scalpel.flywheel.registry.ChampionChange;
import dev.scalpel.flywheel.registry.ModelVersion;
import java.util.List;

/**
 * A retrain's result: the registered challenger, the gate's verdict, what happened to the champion
 * pointer (kept, with the reason, when no promotion was asked or allowed), the time each step took,
 * and the trainer's warnings.
 */
public record RetrainOutcome(
    ModelVersion challenger,
    GateReport gate,
    ChampionChange promotion,
    RetrainTimings timings,
    List<String> warnings) {
  public RetrainOutcome {
    warnings = List.copyOf(warnings);
  }

  public boolean promoted() {
    return switch (promotion) {
      case ChampionChange.Switched switched -> true;
      case ChampionChange.Kept kept -> false;
    };
  }
}
