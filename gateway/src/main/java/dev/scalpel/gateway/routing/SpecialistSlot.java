package dev.scalpel.gateway.routing;

import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.gateway.config.SpecialistConfig;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One configured specialist and the model it serves now. A registry-backed slot follows its
 * registry's champion: {@link #refresh} loads a newly promoted model beside the serving one and
 * swaps it in with one volatile write, so a request sees either model whole, and requests that
 * started on the old model finish on it. A model that fails to load leaves the serving one in
 * place.
 */
final class SpecialistSlot {
  /** A loaded model and its version for the request log. */
  record Serving(Specialist specialist, String version) {}

  private final SpecialistConfig config;
  private final ChampionSource source;
  private final Supplier<SentenceEncoder> encoder;
  private volatile Serving serving;
  private volatile String failedVersion = "";

  private SpecialistSlot(
      SpecialistConfig config,
      ChampionSource source,
      Supplier<SentenceEncoder> encoder,
      Serving serving) {
    this.config = config;
    this.source = source;
    this.encoder = encoder;
    this.serving = serving;
  }

  /** A slot serving {@code config}'s model file, or its registry's current champion. */
  static SpecialistSlot open(
      SpecialistConfig config,
      ChampionSource.Opener registries,
      Supplier<SentenceEncoder> encoder) {
    if (!config.fromRegistry()) {
      Specialist s = load(config, config.model(), encoder);
      String version = config.name() + "@" + s.info().provenance().dataSha256().substring(0, 12);
      return new SpecialistSlot(config, null, encoder, new Serving(s, version));
    }
    ChampionSource source = registries.open(config.model(), config.registry());
    ChampionSource.Serving champion =
        source
            .current()
            .orElseThrow(() ->
                new IllegalArgumentException(
                    "specialist '"
                        + config.name()
                        + "': the registry '"
                        + config.registry()
                        + "' in "
                        + config.model()
                        + " has no champion yet (register one with: scalpel models import"
                        + " --name "
                        + config.registry()
                        + " MODEL_FILE)"));
    Specialist s = load(config, champion.model(), encoder);
    return new SpecialistSlot(config, source, encoder, new Serving(s, champion.version()));
  }

  boolean followsRegistry() {
    return source != null;
  }

  Serving serving() {
    return serving;
  }

  /**
   * Swaps in the registry's champion if it changed; returns the new version, or empty when nothing
   * changed (always empty for a model-file slot).
   *
   * @throws RuntimeException when the new champion's model cannot be loaded (the old one stays, and
   *     that version is not tried again until the champion changes)
   */
  Optional<String> refresh() {
    if (source == null) {
      return Optional.empty();
    }
    Optional<ChampionSource.Serving> champion = source.current();
    if (champion.isEmpty()
        || champion.get().version().equals(serving.version())
        || champion.get().version().equals(failedVersion)) {
      return Optional.empty();
    }
    String version = champion.get().version();
    try {
      serving = new Serving(load(config, champion.get().model(), encoder), version);
      return Optional.of(version);
    } catch (RuntimeException e) {
      failedVersion = version;
      throw e;
    }
  }

  private static Specialist load(
      SpecialistConfig config, Path file, Supplier<SentenceEncoder> encoder) {
    Specialist specialist = SpecialistFiles.load(file, identity -> encoder.get());
    return config.precisionOverride().map(specialist::withTargetPrecision).orElse(specialist);
  }
}
