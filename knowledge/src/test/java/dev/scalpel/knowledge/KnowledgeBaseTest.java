package dev.scalpel.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexing and hybrid search with the real ONNX encoder over {@link TestKb}. */
class KnowledgeBaseTest {
  @TempDir static Path dir;
  private static SentenceEncoder encoder;
  private static Path index;
  private static KbMetadata built;
  private static KnowledgeBase kb;

  @BeforeAll
  static void indexTheTestKb() throws IOException {
    encoder = Encoders.open(EncoderSpec.DEFAULT);
    Corpus corpus = Corpus.read(TestKb.write(dir.resolve("docs")), SplitOptions.defaults());
    index = dir.resolve("data/kb/default");
    built = KnowledgeIndexer.create(encoder).index(corpus, index, Progress.NONE);
    kb = KnowledgeBase.open(index, encoder);
  }

  @AfterAll
  static void close() {
    kb.close();
    encoder.close();
  }

  @Test
  void metadataRecordsEncoderCountsAndSource() {
    KbMetadata metadata = kb.metadata();

    assertThat(metadata).isEqualTo(built);
    assertThat(metadata.formatVersion()).isEqualTo(KbMetadata.FORMAT_VERSION);
    assertThat(metadata.encoder()).isEqualTo(encoder.identity());
    assertThat(metadata.documents()).isEqualTo(3);
    assertThat(metadata.passages()).isEqualTo(5);
    assertThat(metadata.maxWords()).isEqualTo(SplitOptions.DEFAULT_MAX_WORDS);
    assertThat(metadata.sourceFolder()).isEqualTo(dir.resolve("docs").toAbsolutePath().toString());
    assertThat(Duration.between(metadata.created(), Instant.now()))
        .isLessThan(Duration.ofMinutes(5));
  }

  @Test
  void hybridSearchFindsThePassageAndFusesBothRanks() {
    List<Hit> hits = kb.search("how many days until my refund is paid back", 3);

    assertThat(hits).hasSize(3);
    Hit best = hits.getFirst();
    assertThat(best.passage().id()).isEqualTo("returns.md#2");
    assertThat(best.passage().title()).isEqualTo("Returns > Refund timing");
    assertThat(best.rank()).isEqualTo(1);
    assertThat(best.bm25().found()).isTrue();
    assertThat(best.vector().found()).isTrue();
    assertThat(best.vector().score()).isBetween(0.5f, 1f);
    double rrf = 1.0 / (60 + best.bm25().rank()) + 1.0 / (60 + best.vector().rank());
    assertThat(best.score()).isCloseTo(rrf, within(1e-6));
    assertThat(hits).extracting(Hit::rank).containsExactly(1, 2, 3);
    assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
  }

  @Test
  void aPrecomputedEmbeddingGivesTheSameHits() {
    String query = "what time does the shop open on saturday";

    assertThat(kb.search(query, encoder.embed(query), 5)).isEqualTo(kb.search(query, 5));
  }

  @Test
  void vectorsFindParaphrasesThatShareNoWordWithThePassage() {
    String query = "is it ok to plug it in when it is freezing";

    assertThat(kb.lexical(query, 5)).isEmpty();
    List<Hit> semantic = kb.semantic(encoder.embed(query), 1);
    assertThat(semantic.getFirst().passage().title()).isEqualTo("Battery > Charging");
    assertThat(semantic.getFirst().bm25()).isEqualTo(Match.NONE);
    assertThat(semantic.getFirst().score()).isEqualTo(semantic.getFirst().vector().score());
    assertThat(kb.search(query, 1).getFirst().passage().title()).isEqualTo("Battery > Charging");
  }

  @Test
  void lexicalSearchStemsAndScoresWithBm25() {
    List<Hit> hits = kb.lexical("workshops closing", 5);

    assertThat(hits).isNotEmpty();
    assertThat(hits.getFirst().passage().source()).isEqualTo("stores/hours.txt");
    assertThat(hits.getFirst().passage().title()).isEqualTo("hours");
    assertThat(hits.getFirst().vector()).isEqualTo(Match.NONE);
    assertThat(hits.getFirst().bm25().score()).isPositive();
  }

  @Test
  void kLargerThanTheIndexReturnsEveryPassageOnce() {
    List<Hit> hits = kb.search("bike", 50);

    assertThat(hits).hasSize(5);
    assertThat(hits).extracting(h -> h.passage().id()).doesNotHaveDuplicates();
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> kb.search(" ", 3)).hasMessage("query must not be blank");
    assertThatThrownBy(() -> kb.search("x", 0)).hasMessage("k must be at least 1, found 0");
    assertThatThrownBy(() -> kb.semantic(new float[3], 1))
        .hasMessage("query embedding: expected 384 dimensions, found 3");
  }

  @Test
  void concurrentSearchesShareTheSearcher() throws Exception {
    List<String> queries =
        List.of("refund", "battery range in winter", "opening hours", "return window");
    List<List<Hit>> expected = queries.stream().map(q -> kb.search(q, 3)).toList();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int q = i % queries.size();
        checks.add(pool.submit(() -> kb.search(queries.get(q), 3).equals(expected.get(q))));
      }
      for (Future<Boolean> check : checks) {
        assertThat(check.get()).isTrue();
      }
    }
  }

  @Test
  void anotherEncoderCannotQueryTheIndex() {
    EncoderIdentity other =
        new EncoderIdentity(
            "my-encoder.onnx",
            "ab".repeat(32),
            encoder.identity().dimension(),
            encoder.identity().pooling());

    assertThatThrownBy(() -> KnowledgeBase.open(index, new TestKb.Lent(encoder, other)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            index
                + ": indexed with encoder bge-small-en-v1.5-q (sha256 "
                + encoder.identity().sha256().substring(0, 12)
                + "..., 384 dimensions, cls pooling), but queried with my-encoder.onnx (sha256"
                + " abababababab..., 384 dimensions, cls pooling); query it with the encoder it"
                + " was built with, or re-index");
  }

  /**
   * An index written by the first format (the test knowledge base, in src/test/resources) still
   * opens and answers the same way: a change to the fields, the analyzer or Lucene that breaks it
   * must bump {@link KbMetadata#FORMAT_VERSION} and say so.
   */
  @Test
  void anIndexOfFormatOneStillOpensAndAnswers() throws Exception {
    Path frozen = dir.resolve("frozen");
    Files.createDirectories(frozen);
    Path resource = Path.of(KnowledgeBaseTest.class.getResource("/frozen/kb-format-1").toURI());
    try (var files = Files.list(resource)) {
      for (Path file : files.toList()) {
        Files.copy(file, frozen.resolve(file.getFileName().toString()));
      }
    }

    try (KnowledgeBase old = KnowledgeBase.open(frozen, encoder)) {
      assertThat(old.metadata().formatVersion()).isEqualTo(1);
      assertThat(old.metadata().created())
          .isEqualTo(Instant.parse("2026-11-23T19:06:19.793340174Z"));
      assertThat(old.metadata().passages()).isEqualTo(5);
      assertThat(old.search("how many days until my refund is paid back", 5))
          .extracting(h -> h.passage().id())
          .isEqualTo(
              kb.search("how many days until my refund is paid back", 5).stream()
                  .map(h -> h.passage().id())
                  .toList())
          .startsWith("returns.md#2");
    }
  }

  @Test
  void knowledgeBasesLiveUnderTheDataDirectoryByName() {
    assertThat(KnowledgeBase.directory(Path.of("data"), "faq-v2.1"))
        .isEqualTo(Path.of("data", "kb", "faq-v2.1"));
    for (String bad : new String[] {"../etc", ".hidden", "a/b", "", "-x"}) {
      assertThatThrownBy(() -> KnowledgeBase.directory(Path.of("data"), bad))
          .hasMessage(
              "knowledge base name: expected letters, digits, '.', '_' or '-', starting with a"
                  + " letter or digit, found '"
                  + bad
                  + "'");
    }
  }

  @Test
  void aMissingIndexIsReported() {
    Path missing = dir.resolve("data/kb/nothing");

    assertThat(KnowledgeBase.exists(missing)).isFalse();
    assertThat(KnowledgeBase.exists(index)).isTrue();
    assertThatThrownBy(() -> KnowledgeBase.open(missing, encoder))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(missing + ": no knowledge base index here; build one first");
  }
}
