package dev.scalpel.flywheel.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.scalpel.flywheel.StateFiles;
import dev.scalpel.flywheel.gate.GateReport;
import dev.scalpel.flywheel.gate.MetricsSummary;
import dev.scalpel.learn.Provenance;
import dev.scalpel.learn.TrainOptions;
import java.util.regex.Pattern;

/**
 * One registered model, as {@code versions/<version>/version.json} records it next to its {@code
 * model.scalpel}: the version string ({@code intent-7}), the model it was trained to replace
 * ({@code parent}), the dataset version and hash it was trained on, the SHA-256 of the model file,
 * the settings a retrain reuses, the held-out metrics, the training provenance, and the gate report
 * that judged it against its parent. {@code parent}, {@code datasetVersion}, {@code datasetSha256},
 * {@code metrics} and {@code gate} are {@code null} when unknown (an imported model, a model never
 * gated).
 */
public record ModelVersion(
    int formatVersion,
    String version,
    String name,
    String parent,
    String datasetVersion,
    String datasetSha256,
    String createdAt,
    String modelSha256,
    TrainOptions settings,
    MetricsSummary metrics,
    Provenance provenance,
    GateReport gate,
    String note)
    implements StateFiles.Versioned {
  /** The version record format this build writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  public ModelVersion {
    if (name == null || version == null || !isVersionOf(name, version)) {
      throw new IllegalArgumentException(
          "a version string is the specialist name, '-' and a number, found " + version);
    }
    if (modelSha256 == null || !modelSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "expected the model's SHA-256 in hex, found " + modelSha256);
    }
    if (settings == null) {
      throw new IllegalArgumentException("a version records the settings it was trained with");
    }
  }

  /** The number after the name: 7 for {@code intent-7}. */
  @JsonIgnore
  public int number() {
    return number(name, version);
  }

  /** Whether a gate judged this version and it failed. */
  @JsonIgnore
  public boolean gateFailed() {
    return gate != null && !gate.passed();
  }

  /** Whether {@code version} is a version string of specialist {@code name}. */
  static boolean isVersionOf(String name, String version) {
    return version.matches(Pattern.quote(name) + "-[1-9][0-9]*");
  }

  static int number(String name, String version) {
    return Integer.parseInt(version.substring(name.length() + 1));
  }
}
