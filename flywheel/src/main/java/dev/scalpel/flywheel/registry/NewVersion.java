package dev.scalpel.flywheel.registry;

import dev.scalpel.flywheel.gate.GateReport;
import dev.scalpel.learn.TrainOptions;

/**
 * What the caller knows about a model it registers; the registry adds the version string, the time,
 * the model hash, metrics and provenance from the model itself. {@code parent}, {@code
 * datasetVersion}, {@code datasetSha256} and {@code gate} may be {@code null}.
 */
public record NewVersion(
    String parent,
    String datasetVersion,
    String datasetSha256,
    TrainOptions settings,
    GateReport gate,
    String note) {
  public NewVersion {
    if (settings == null) {
      throw new IllegalArgumentException("settings are required: a retrain reuses them");
    }
    note = note == null ? "" : note;
  }
}
