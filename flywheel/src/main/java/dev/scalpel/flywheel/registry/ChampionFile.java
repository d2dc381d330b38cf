package dev.scalpel.flywheel.registry;

import com.fasterxml.jackson.core.JacksonException;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.flywheel.StateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code champion} pointer: the serving version and the earlier champions a rollback returns
 * to, in one small JSON file replaced by rename. Keeping the history in the same file means one
 * rename moves both, so no crash can leave a pointer and a history that disagree; and a reader (a
 * gateway polling or watching the file) sees the old pointer or the new one, never a mix.
 */
final class ChampionFile {
  /** The file's content. */
  record Pointer(int formatVersion, String champion, List<String> history, String changedAt)
      implements StateFiles.Versioned {
    static final int FORMAT_VERSION = 1;

    Pointer {
      if (champion == null || champion.isBlank()) {
        throw new IllegalArgumentException("the champion pointer names no version");
      }
      history = List.copyOf(history);
    }
  }

  private final Path file;

  ChampionFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  Optional<Pointer> read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return Optional.of(
        StateFiles.decodeJson(
            file, bytes, Pointer.class, "champion pointer", Pointer.FORMAT_VERSION));
  }

  void write(Pointer pointer) {
    try {
      AtomicFiles.write(
          file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(pointer));
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot encode the champion pointer", e);
    }
  }
}
