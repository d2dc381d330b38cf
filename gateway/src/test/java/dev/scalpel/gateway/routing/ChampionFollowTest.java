package dev.scalpel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.gateway.config.SpecialistConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry-backed specialist swaps to a new champion, and keeps serving when one cannot load. */
class ChampionFollowTest {
  private static final Path MODEL =
      Path.of("..", "examples", "quickstart", "support.scalpel").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void aNewChampionIsSwappedInAndABrokenOneIsRefused() throws Exception {
    AtomicReference<ChampionSource.Serving> champion =
        new AtomicReference<>(new ChampionSource.Serving("intent-1", MODEL));
    Path broken = dir.resolve("broken.scalpel");
    Files.write(broken, new byte[] {1, 2, 3});
    SpecialistConfig config = new SpecialistConfig("intent", dir, "intent", null);

    try (SpecialistPool pool =
        SpecialistPool.load(
            List.of(config),
            (root, name) -> () -> Optional.of(champion.get()),
            Duration.ofHours(1))) {
      assertThat(pool.version("intent")).isEqualTo("intent-1");

      champion.set(new ChampionSource.Serving("intent-2", broken));
      pool.refresh();
      assertThat(pool.version("intent")).isEqualTo("intent-1");
      assertThat(pool.classify("Where is my order?").get("intent").label())
          .isEqualTo("track_order");

      champion.set(new ChampionSource.Serving("intent-3", MODEL));
      pool.refresh();
      assertThat(pool.version("intent")).isEqualTo("intent-3");
    }
  }
}
