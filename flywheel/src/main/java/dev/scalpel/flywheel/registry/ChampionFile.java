package dev.scalpel.flywheel.registry;

import com.fasterxml.jackson.core.JacksonException;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.io.ModelFormatException;
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
  record Pointer(int formatVersion, String champion, List<String> history, String changedAt) {
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
    Pointer pointer;
    try {
      pointer = Json.mapper().readValue(bytes, Pointer.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFormatException(file, "unreadable champion pointer: " + e.getMessage());
    }
    if (pointer.formatVersion() > Pointer.FORMAT_VERSION) {
      throw new ModelFormatException(
          file,
          "written by a newer Scalpel (pointer format "
              + pointer.formatVersion()
              + ", this version reads up to "
              + Pointer.FORMAT_VERSION
              + ")");
    }
    return Optional.of(pointer);
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
