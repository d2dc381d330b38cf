package dev.scalpel.flywheel;

import dev.scalpel.core.io.Json;
import dev.scalpel.core.io.ModelFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the state files the flywheel owns (manifests, version records, the champion pointer): a
 * missing one is a damaged state rather than a user's typo, since the registry wrote it; an
 * unreadable or newer-format one fails with a message naming the file.
 */
public final class StateFiles {
  /** A JSON state file's content, which carries the format version it was written in. */
  public interface Versioned {
    int formatVersion();
  }

  private StateFiles() {}

  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ModelFormatException(file, "file not found");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code file} as a {@code type} written in at most format {@code newest}. */
  public static <T extends Versioned> T readJson(
      Path file, Class<T> type, String what, int newest) {
    return decodeJson(file, read(file), type, what, newest);
  }

  /** Decodes {@code bytes} read from {@code file}, as {@link #readJson} does. */
  public static <T extends Versioned> T decodeJson(
      Path file, byte[] bytes, Class<T> type, String what, int newest) {
    T value;
    try {
      value = Json.mapper().readValue(bytes, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFormatException(file, "unreadable " + what + ": " + e.getMessage());
    }
    if (value.formatVersion() > newest) {
      throw new ModelFormatException(
          file,
          String.format(
              "written by a newer Scalpel (%s format %d, this version reads up to %d)",
              what, value.formatVersion(), newest));
    }
    return value;
  }
}
