package dev.scalpel.flywheel;

import dev.scalpel.core.io.ModelFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a state file the flywheel owns (a manifest, a version record, a model), reporting a missing
 * one as a damaged state rather than a user's typo: the registry wrote it, so it should be there.
 */
public final class StateFiles {
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
}
