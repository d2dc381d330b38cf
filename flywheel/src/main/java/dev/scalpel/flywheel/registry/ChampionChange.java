package dev.scalpel.flywheel.registry;

/**
 * What a promotion or rollback did: the champion pointer moved, or it stayed where it was and why
 * (the model failed to load, its gate failed without force, nothing to roll back to).
 */
public sealed interface ChampionChange {
  /** The pointer moved from {@code previous} (null for the first champion) to {@code current}. */
  record Switched(String action, String previous, String current) implements ChampionChange {}

  /**
   * The champion stayed {@code champion} (null when there is none); {@code version} is what was
   * asked for.
   */
  record Kept(String champion, String version, String reason) implements ChampionChange {}
}
