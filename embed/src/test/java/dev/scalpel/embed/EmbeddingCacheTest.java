package dev.scalpel.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk embedding cache, filled with vectors from the real built-in encoder. */
class EmbeddingCacheTest {
  private static final int HEADER_BYTES = 8 + 4 + 64 + 4;
  private static final int RECORD_BYTES = 16 + 384 * Float.BYTES + 4;
  private static final List<String> TEXTS =
      List.of("reset my password", "book a table for two", "what's the weather tomorrow");

  private static SentenceEncoder encoder;
  private static EncoderIdentity identity;
  private static float[][] vectors;

  @TempDir Path dir;
  private Path file;

  @BeforeAll
  static void openEncoder() {
    encoder = Encoders.open(EncoderSpec.DEFAULT);
    identity = encoder.identity();
    vectors = encoder.embed(TEXTS);
  }

  @AfterAll
  static void closeEncoder() {
    encoder.close();
  }

  @BeforeEach
  void locateFile() {
    file = dir.resolve(identity.sha256().substring(0, 16) + ".embeddings");
  }

  private static EncoderIdentity withHash(String sha256, int dimension) {
    return new EncoderIdentity("fake", sha256, dimension, Pooling.MEAN);
  }

  private static EmbeddingCache filled(Path dir) {
    EmbeddingCache cache = EmbeddingCache.open(dir, identity);
    for (int i = 0; i < TEXTS.size(); i++) {
      cache.put(TEXTS.get(i), vectors[i]);
    }
    cache.flush();
    return cache;
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void flushedVectorsComeBackAfterReopening() throws IOException {
    EmbeddingCache cache = EmbeddingCache.open(dir, identity);
    assertThat(cache.size()).isZero();
    for (int i = 0; i < TEXTS.size(); i++) {
      cache.put(TEXTS.get(i), vectors[i]);
    }
    assertThat(cache.size()).isEqualTo(3);
    cache.flush();

    assertThat(Files.size(file)).isEqualTo(HEADER_BYTES + 3L * RECORD_BYTES);
    EmbeddingCache reopened = EmbeddingCache.open(dir, identity);
    assertThat(reopened.size()).isEqualTo(3);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(reopened.get(TEXTS.get(i))).as(TEXTS.get(i)).containsExactly(vectors[i]);
    }
    assertThat(reopened.get("never embedded")).isNull();
  }

  @Test
  void vectorsAreOnlyPersistedByFlush() throws IOException {
    EmbeddingCache cache = EmbeddingCache.open(dir, identity);
    cache.put(TEXTS.get(0), vectors[0]);

    assertThat(Files.exists(file)).isFalse();
    assertThat(EmbeddingCache.open(dir, identity).size()).isZero();

    cache.flush();
    cache.flush();
    assertThat(Files.size(file)).isEqualTo(HEADER_BYTES + RECORD_BYTES);
  }

  @Test
  void laterFlushesAppendToTheFile() throws IOException {
    EmbeddingCache cache = EmbeddingCache.open(dir, identity);
    cache.put(TEXTS.get(0), vectors[0]);
    cache.flush();
    EmbeddingCache second = EmbeddingCache.open(dir, identity);
    second.put(TEXTS.get(1), vectors[1]);
    second.put(TEXTS.get(2), vectors[2]);
    second.flush();

    assertThat(Files.size(file)).isEqualTo(HEADER_BYTES + 3L * RECORD_BYTES);
    EmbeddingCache reopened = EmbeddingCache.open(dir, identity);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(reopened.get(TEXTS.get(i))).as(TEXTS.get(i)).containsExactly(vectors[i]);
    }
  }

  @Test
  void puttingAKnownTextAgainKeepsTheFirstVectorAndWritesNothing() throws IOException {
    EmbeddingCache cache = filled(dir);

    cache.put(TEXTS.get(0), vectors[1]);
    cache.flush();

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.get(TEXTS.get(0))).containsExactly(vectors[0]);
    assertThat(Files.size(file)).isEqualTo(HEADER_BYTES + 3L * RECORD_BYTES);
  }

  @Test
  void tornLastRecordIsDroppedAndTheFileRepaired() throws IOException {
    filled(dir);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) - 5);
    }

    EmbeddingCache reopened = EmbeddingCache.open(dir, identity);

    assertThat(reopened.size()).isEqualTo(2);
    assertThat(reopened.get(TEXTS.get(0))).containsExactly(vectors[0]);
    assertThat(reopened.get(TEXTS.get(1))).containsExactly(vectors[1]);
    assertThat(reopened.get(TEXTS.get(2))).isNull();
    assertThat(Files.size(file)).isEqualTo(HEADER_BYTES + 2L * RECORD_BYTES);

    reopened.put(TEXTS.get(2), vectors[2]);
    reopened.flush();
    EmbeddingCache again = EmbeddingCache.open(dir, identity);
    assertThat(again.size()).isEqualTo(3);
    assertThat(again.get(TEXTS.get(2))).containsExactly(vectors[2]);
  }

  @Test
  void lastRecordWithABadChecksumIsDropped() throws IOException {
    filled(dir);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 100] ^= 0x10;
    Files.write(file, bytes);

    EmbeddingCache reopened = EmbeddingCache.open(dir, identity);

    assertThat(reopened.size()).isEqualTo(2);
    assertThat(reopened.get(TEXTS.get(2))).isNull();
    assertThat(Files.size(file)).isEqualTo(HEADER_BYTES + 2L * RECORD_BYTES);
  }

  @Test
  void fileWithAnotherEncoderHashInItsHeaderIsDiscarded() throws IOException {
    filled(dir);
    // Same first 16 hex digits, so the same file name, but another encoder.
    String otherHash = identity.sha256().substring(0, 16) + "0".repeat(48);
    assertThat(otherHash).isNotEqualTo(identity.sha256());

    EmbeddingCache other = EmbeddingCache.open(dir, withHash(otherHash, 384));

    assertThat(other.size()).isZero();
    assertThat(other.get(TEXTS.get(0))).isNull();
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void fileWithAnotherDimensionInItsHeaderIsDiscarded() throws IOException {
    filled(dir);

    EmbeddingCache other = EmbeddingCache.open(dir, withHash(identity.sha256(), 4));

    assertThat(other.size()).isZero();
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void fileThatIsNotACacheIsDiscarded() throws IOException {
    Files.writeString(file, "SCEMBED but not really a cache file at all");

    EmbeddingCache cache = EmbeddingCache.open(dir, identity);

    assertThat(cache.size()).isZero();
    assertThat(Files.exists(file)).isFalse();
    cache.put(TEXTS.get(0), vectors[0]);
    cache.flush();
    assertThat(EmbeddingCache.open(dir, identity).get(TEXTS.get(0))).containsExactly(vectors[0]);
  }

  @Test
  void cachesOfDifferentEncodersInOneDirectoryStayApart() throws IOException {
    filled(dir);
    EncoderIdentity fake = withHash("ab".repeat(32), 2);
    EmbeddingCache other = EmbeddingCache.open(dir, fake);
    assertThat(other.size()).isZero();

    other.put(TEXTS.get(0), new float[] {0.6f, 0.8f});
    other.put("only in the fake cache", new float[] {1f, 0f});
    other.flush();

    assertThat(entries())
        .containsExactlyInAnyOrder(
            identity.sha256().substring(0, 16) + ".embeddings", "abababababababab.embeddings");
    EmbeddingCache real = EmbeddingCache.open(dir, identity);
    assertThat(real.size()).isEqualTo(3);
    assertThat(real.get(TEXTS.get(0))).containsExactly(vectors[0]);
    assertThat(real.get("only in the fake cache")).isNull();
    EmbeddingCache fakeAgain = EmbeddingCache.open(dir, fake);
    assertThat(fakeAgain.size()).isEqualTo(2);
    assertThat(fakeAgain.get(TEXTS.get(0))).containsExactly(0.6f, 0.8f);
  }
}
