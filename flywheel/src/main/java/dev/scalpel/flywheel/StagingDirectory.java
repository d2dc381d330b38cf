package dev.scalpel.flywheel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * A directory filled under a hidden name and then renamed into place in one step, so that a reader
 * sees a version directory either complete or not at all. A crash while filling leaves only a
 * hidden {@code .staging-*} directory, which readers ignore and the next writer removes. Callers
 * hold the parent's {@link DirectoryLock}, which is why any staging directory they find is stale.
 */
public final class StagingDirectory implements AutoCloseable {
  private static final String PREFIX = ".staging-";

  private final Path staging;
  private final Path target;
  private boolean committed;

  private StagingDirectory(Path staging, Path target) {
    this.staging = staging;
    this.target = target;
  }

  /** Starts filling what will become {@code target}; removes stale staging directories. */
  public static StagingDirectory create(Path target) {
    Path parent = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
      try (Stream<Path> entries = Files.list(parent)) {
        for (Path stale :
            entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
          TemporaryDirectory.deleteTree(stale);
        }
      }
      return new StagingDirectory(
          Files.createTempDirectory(parent, PREFIX + target.getFileName() + "-"), target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + target + ": " + e.getMessage(), e);
    }
  }

  /** Where to write the content. */
  public Path path() {
    return staging;
  }

  /** Renames the filled directory to its target and makes the rename durable. */
  public void commit() {
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
      try (FileChannel channel = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
        channel.force(true);
      } catch (IOException e) {
        // Some file systems refuse to open a directory for sync; the rename is atomic there anyway.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + staging + " to " + target, e);
    }
  }

  /** Removes the staging directory unless it was committed. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      TemporaryDirectory.deleteTree(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + staging + ": " + e.getMessage(), e);
    }
  }
}
