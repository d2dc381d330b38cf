package dev.scalpel.flywheel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS-level lock on a directory ({@code .lock} inside it), held while a registry or a
 * dataset is changed, so that two processes (a CLI retrain and a review queue, say) never pick the
 * same next version number or interleave pointer changes. Readers take no lock: every file they
 * read is replaced by rename, never edited in place.
 */
public final class DirectoryLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Blocks until the lock on {@code directory} is held; creates the directory if needed. */
  public static DirectoryLock acquire(Path directory) {
    try {
      Files.createDirectories(directory);
      FileChannel channel =
          FileChannel.open(
              directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new DirectoryLock(channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release a directory lock: " + e.getMessage(), e);
    }
  }
}
