package dev.scalpel.flywheel.registry;

import java.nio.file.Path;
import java.util.List;

/**
 * The version that serves, the model file to load for it, the earlier champions a rollback returns
 * to (most recent last), and when the pointer last changed.
 */
public record Champion(String version, Path model, List<String> history, String changedAt) {
  public Champion {
    history = List.copyOf(history);
  }
}
