package dev.scalpel.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Sentence vectors stored on disk by the SHA-256 of their text, one file per encoder (named after
 * its hash), so that a retrain on mostly the same data skips the encoder. The file is a header
 * (magic, format version, encoder hash, dimension) followed by append-only records, each with its
 * own CRC32C: a torn last record (a crash while appending) is dropped on load instead of poisoning
 * the cache.
 */
public final class EmbeddingCache {
  private static final byte[] MAGIC = {'S', 'C', 'E', 'M', 'B', 'E', 'D', 0x1A};
  private static final int FORMAT_VERSION = 1;
  private static final int KEY_BYTES = 16;
  private static final int HEADER_BYTES = MAGIC.length + 4 + 64 + 4;

  private final Path file;
  private final EncoderIdentity identity;
  private final Map<Key, float[]> vectors = new HashMap<>();
  private final List<Map.Entry<Key, float[]>> pending = new ArrayList<>();
  private final int recordBytes;

  private EmbeddingCache(Path file, EncoderIdentity identity) {
    this.file = file;
    this.identity = identity;
    this.recordBytes = KEY_BYTES + identity.dimension() * Float.BYTES + Integer.BYTES;
  }

  /** Opens (or starts) the cache for this encoder in {@code directory}. */
  public static EmbeddingCache open(Path directory, EncoderIdentity identity) {
    EmbeddingCache cache =
        new EmbeddingCache(
            directory.resolve(identity.sha256().substring(0, 16) + ".embeddings"), identity);
    cache.load();
    return cache;
  }

  public synchronized int size() {
    return vectors.size();
  }

  /** The cached vector of {@code text}, or null. */
  synchronized float[] get(String text) {
    return vectors.get(Key.of(text));
  }

  synchronized void put(String text, float[] vector) {
    Key key = Key.of(text);
    if (vectors.putIfAbsent(key, vector) == null) {
      pending.add(Map.entry(key, vector));
    }
  }

  /** Appends the vectors added since the last flush to the file and forces them to disk. */
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      boolean fresh = !Files.exists(file) || Files.size(file) < HEADER_BYTES;
      try (FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        if (fresh) {
          channel.truncate(0);
          channel.write(header());
        }
        ByteBuffer buffer =
            ByteBuffer.allocate(recordBytes * pending.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<Key, float[]> entry : pending) {
          writeRecord(buffer, entry.getKey(), entry.getValue());
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      pending.clear();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the embedding cache " + file + ": " + e.getMessage(), e);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < HEADER_BYTES || !buffer.slice(0, HEADER_BYTES).equals(header())) {
      // Not ours, another format version, or another encoder: start over rather than trust it.
      deleteQuietly();
      return;
    }
    buffer.position(HEADER_BYTES);
    long validEnd = HEADER_BYTES;
    while (buffer.remaining() >= recordBytes) {
      int start = buffer.position();
      CRC32C crc = new CRC32C();
      crc.update(bytes, start, recordBytes - Integer.BYTES);
      byte[] key = new byte[KEY_BYTES];
      buffer.get(key);
      float[] vector = new float[identity.dimension()];
      buffer.asFloatBuffer().get(vector);
      buffer.position(start + recordBytes - Integer.BYTES);
      if (buffer.getInt() != (int) crc.getValue()) {
        break;
      }
      vectors.put(new Key(key), vector);
      validEnd = buffer.position();
    }
    if (validEnd < bytes.length) {
      truncate(validEnd);
    }
  }

  private ByteBuffer header() {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.put(MAGIC).putInt(FORMAT_VERSION);
    header.put(identity.sha256().getBytes(StandardCharsets.US_ASCII));
    header.putInt(identity.dimension());
    return header.flip();
  }

  private void writeRecord(ByteBuffer buffer, Key key, float[] vector) {
    int start = buffer.position();
    buffer.put(key.bytes);
    for (float v : vector) {
      buffer.putFloat(v);
    }
    CRC32C crc = new CRC32C();
    crc.update(buffer.array(), start, buffer.position() - start);
    buffer.putInt((int) crc.getValue());
  }

  private void truncate(long length) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot repair the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  private void deleteQuietly() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reset the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  private record Key(byte[] bytes) {
    static Key of(String text) {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return new Key(Arrays.copyOf(digest, KEY_BYTES));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required by every JVM", e);
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return java.util.HexFormat.of().formatHex(bytes);
    }
  }
}
