package dev.scalpel.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.core.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache in front of the real encoder: only misses reach the encoder. */
class CachedEncoderTest {
  private static SentenceEncoder real;

  @TempDir Path dir;

  /** Delegates to the real encoder and records what it was asked; closing it leaves it open. */
  private static final class CountingEncoder implements SentenceEncoder {
    final List<List<String>> calls = new ArrayList<>();
    boolean closed;

    @Override
    public EncoderIdentity identity() {
      return real.identity();
    }

    @Override
    public synchronized float[][] embed(List<String> texts, Progress progress) {
      calls.add(List.copyOf(texts));
      return real.embed(texts, progress);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @BeforeAll
  static void openEncoder() {
    real = Encoders.open(EncoderSpec.DEFAULT);
  }

  @AfterAll
  static void closeEncoder() {
    real.close();
  }

  @Test
  void onlyMissesReachTheEncoder() {
    CountingEncoder counting = new CountingEncoder();
    CachedEncoder cached =
        CachedEncoder.create(counting, EmbeddingCache.open(dir, counting.identity()));

    float[][] first = cached.embed(List.of("hello", "book a table"));
    float[][] second = cached.embed(List.of("book a table", "cancel my order", "hello"));
    float[][] third = cached.embed(List.of("hello", "cancel my order"));

    assertThat(counting.calls)
        .containsExactly(List.of("hello", "book a table"), List.of("cancel my order"));
    float[][] direct = real.embed(List.of("hello", "book a table"));
    assertThat(first[0]).containsExactly(direct[0]);
    assertThat(first[1]).containsExactly(direct[1]);
    assertThat(second[0]).containsExactly(first[1]);
    assertThat(second[1]).containsExactly(real.embed("cancel my order"));
    assertThat(second[2]).containsExactly(first[0]);
    assertThat(third[0]).containsExactly(first[0]);
    assertThat(third[1]).containsExactly(second[1]);
  }

  @Test
  void flushedVectorsServeANewEncoderWithoutCallingIt() {
    CountingEncoder counting = new CountingEncoder();
    CachedEncoder cached =
        CachedEncoder.create(counting, EmbeddingCache.open(dir, counting.identity()));
    float[][] computed = cached.embed(List.of("hello", "book a table"));
    cached.flush();

    CountingEncoder fresh = new CountingEncoder();
    CachedEncoder reopened =
        CachedEncoder.create(fresh, EmbeddingCache.open(dir, fresh.identity()));
    float[][] served = reopened.embed(List.of("book a table", "hello"));

    assertThat(fresh.calls).isEmpty();
    assertThat(served[0]).containsExactly(computed[1]);
    assertThat(served[1]).containsExactly(computed[0]);
  }

  @Test
  void closeFlushesTheCacheAndClosesTheWrappedEncoder() {
    CountingEncoder counting = new CountingEncoder();
    CachedEncoder cached =
        CachedEncoder.create(counting, EmbeddingCache.open(dir, counting.identity()));
    float[] vector = cached.embed("remind me at noon");

    cached.close();

    assertThat(counting.closed).isTrue();
    EmbeddingCache reopened = EmbeddingCache.open(dir, real.identity());
    assertThat(reopened.size()).isEqualTo(1);
    assertThat(reopened.get("remind me at noon")).containsExactly(vector);
  }

  @Test
  void identityIsTheWrappedEncoders() {
    CountingEncoder counting = new CountingEncoder();
    CachedEncoder cached =
        CachedEncoder.create(counting, EmbeddingCache.open(dir, counting.identity()));

    assertThat(cached.identity()).isEqualTo(real.identity());
  }

  @Test
  void emptyInputCallsNothing() {
    CountingEncoder counting = new CountingEncoder();
    CachedEncoder cached =
        CachedEncoder.create(counting, EmbeddingCache.open(dir, counting.identity()));

    assertThat(cached.embed(List.of())).isEmpty();
    assertThat(counting.calls).isEmpty();
  }
}
