package dev.scalpel.gateway.http;

import java.nio.file.Path;

/** The outcome of a configuration reload. */
public sealed interface ReloadResult {
  /**
   * The new configuration from {@code source} serves from now on; {@code note} names settings that
   * only a restart applies (empty when none changed).
   */
  record Reloaded(Path source, String note) implements ReloadResult {}

  /** The file was refused and the running configuration stays; {@code message} says why. */
  record Rejected(String message) implements ReloadResult {}
}
