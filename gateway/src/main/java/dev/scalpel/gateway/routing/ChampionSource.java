package dev.scalpel.gateway.routing;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the serving model of a registry-backed specialist is, read afresh each time: the gateway
 * polls it and swaps the specialist when the champion changes (a promotion or a rollback).
 */
@FunctionalInterface
public interface ChampionSource {
  /** The serving version and its model file; empty while the registry has no champion. */
  Optional<Serving> current();

  /** A version (such as {@code intent-7}) and its model file. */
  record Serving(String version, Path model) {}

  /** Opens the champion source of the registry {@code name} under {@code root}. */
  @FunctionalInterface
  interface Opener {
    ChampionSource open(Path root, String name);

    /** For gateways started without registry support: every registry-backed specialist fails. */
    Opener NONE =
        (root, name) -> {
          throw new IllegalArgumentException(
              "specialist registry '"
                  + name
                  + "': this gateway was started without a model registry");
        };
  }
}
