package dev.scalpel.gateway.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A specialist the gateway loads: a name, its model file (or, with {@code registry} not empty, the
 * registry root whose champion of that name it serves and follows), and optionally another
 * precision target.
 */
public record SpecialistConfig(String name, Path model, String registry, Double targetPrecision) {
  public SpecialistConfig {
    if (name == null || name.isBlank() || model == null || registry == null) {
      throw new IllegalArgumentException("a specialist needs a name and a model");
    }
  }

  /** A specialist served from a model file. */
  public SpecialistConfig(String name, Path model, Double targetPrecision) {
    this(name, model, "", targetPrecision);
  }

  /** Whether it follows the champion of a model registry. */
  public boolean fromRegistry() {
    return !registry.isEmpty();
  }

  public Optional<Double> precisionOverride() {
    return Optional.ofNullable(targetPrecision);
  }
}
