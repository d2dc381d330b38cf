package dev.scalpel.gateway.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A specialist the gateway loads: a name, its model file, and optionally another precision target.
 */
public record SpecialistConfig(String name, Path model, Double targetPrecision) {
  public SpecialistConfig {
    if (name == null || name.isBlank() || model == null) {
      throw new IllegalArgumentException("a specialist needs a name and a model");
    }
  }

  public Optional<Double> precisionOverride() {
    return Optional.ofNullable(targetPrecision);
  }
}
