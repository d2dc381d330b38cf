package dev.scalpel.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-indexing replaces an index in one commit: a failure half-way leaves the old one whole, and
 * readers opened before keep their snapshot. Indexes that are not ours, or newer, fail clearly.
 */
class ReindexTest {
  private static SentenceEncoder encoder;

  @TempDir Path dir;

  @BeforeAll
  static void openEncoder() {
    encoder = Encoders.open(EncoderSpec.DEFAULT);
  }

  @AfterAll
  static void closeEncoder() {
    encoder.close();
  }

  @Test
  void aFailedReindexLeavesThePreviousIndexWhole() throws IOException {
    Path index = dir.resolve("kb");
    KnowledgeBase before = indexTestKbAndOpen(index);
    Corpus large = Corpus.read(manyPassages(dir.resolve("v2"), 100), new SplitOptions(20));

    // The first batch of 64 passages is embedded and added to the writer before the encoder dies.
    assertThatThrownBy(() ->
            KnowledgeIndexer.create(new TestKb.FailingAfter(encoder, 1))
                .index(large, index, Progress.NONE))
        .hasMessage("encoder died");

    try (KnowledgeBase after = KnowledgeBase.open(index, encoder)) {
      assertThat(after.metadata()).isEqualTo(before.metadata());
      assertThat(after.search("refund", 10)).hasSize(5);
    }
    assertThat(before.search("refund", 1).getFirst().passage().source()).isEqualTo("returns.md");
    before.close();
    KnowledgeIndexer.create(encoder).index(large, index, Progress.NONE);
    try (KnowledgeBase retried = KnowledgeBase.open(index, encoder)) {
      assertThat(retried.metadata().passages()).isEqualTo(100);
    }
  }

  @Test
  void aReindexReplacesEverythingAndOpenReadersKeepTheirSnapshot() throws IOException {
    Path index = dir.resolve("kb");
    KnowledgeBase old = indexTestKbAndOpen(index);
    Path v2 = Files.createDirectories(dir.resolve("v2"));
    Files.writeString(v2.resolve("lease.md"), "# Lease\n\nA bike for a fixed monthly fee.\n");

    KbMetadata replaced =
        KnowledgeIndexer.create(encoder)
            .index(Corpus.read(v2, SplitOptions.defaults()), index, Progress.NONE);

    try (KnowledgeBase fresh = KnowledgeBase.open(index, encoder)) {
      assertThat(fresh.metadata()).isEqualTo(replaced);
      assertThat(fresh.metadata().passages()).isEqualTo(1);
      assertThat(fresh.search("refund", 10))
          .extracting(h -> h.passage().id())
          .containsExactly("lease.md#1");
    }
    assertThat(old.metadata().passages()).isEqualTo(5);
    assertThat(old.search("refund", 10)).hasSize(5);
    old.close();
  }

  /** Indexes {@link TestKb} (5 passages) into {@code index} and opens it; the caller closes it. */
  private KnowledgeBase indexTestKbAndOpen(Path index) throws IOException {
    Corpus corpus = Corpus.read(TestKb.write(dir.resolve("v1")), SplitOptions.defaults());
    KnowledgeIndexer.create(encoder).index(corpus, index, Progress.NONE);
    return KnowledgeBase.open(index, encoder);
  }

  @Test
  void aLuceneIndexThatIsNotOursIsRefused() throws IOException {
    Path foreign = dir.resolve("foreign");
    writeLuceneIndex(foreign, Map.of("app", "someone else"));

    assertThat(KnowledgeBase.exists(foreign)).isTrue();
    assertThatThrownBy(() -> KnowledgeBase.open(foreign, encoder))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            foreign
                + ": a Lucene index, but not a Scalpel knowledge base (no scalpel.kb.format in its"
                + " commit)");
  }

  @Test
  void anIndexFromANewerScalpelIsRefused() throws IOException {
    Path newer = dir.resolve("newer");
    Map<String, String> data = new LinkedHashMap<>();
    data.put("scalpel.kb.format", "2");
    writeLuceneIndex(newer, data);

    assertThatThrownBy(() -> KnowledgeBase.open(newer, encoder))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            newer
                + ": written by a newer Scalpel (knowledge base format 2, this version reads up to"
                + " 1); upgrade Scalpel or re-index");
  }

  @Test
  void damagedMetadataIsReported() throws IOException {
    Path damaged = dir.resolve("damaged");
    writeLuceneIndex(damaged, Map.of("scalpel.kb.format", "1", "scalpel.kb.encoder.name", "x"));

    assertThatThrownBy(() -> KnowledgeBase.open(damaged, encoder))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(damaged + ": corrupted knowledge base metadata: no scalpel.kb.encoder.sha256");
  }

  private static void writeLuceneIndex(Path path, Map<String, String> userData) throws IOException {
    try (FSDirectory directory = FSDirectory.open(path);
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      Document doc = new Document();
      doc.add(new TextField("body", "hello", Field.Store.YES));
      writer.addDocument(doc);
      writer.setLiveCommitData(userData.entrySet());
      writer.commit();
    }
  }

  /** A text file of {@code count} paragraphs of 15 words: one passage each at 20 words. */
  private static Path manyPassages(Path folder, int count) throws IOException {
    Files.createDirectories(folder);
    String text =
        IntStream.range(0, count)
            .mapToObj(i ->
                "Paragraph "
                    + i
                    + " talks about bikes, batteries, orders and returns in some fifteen words.")
            .collect(Collectors.joining("\n\n"));
    Files.writeString(folder.resolve("many.txt"), text);
    assertThat(Corpus.read(folder, new SplitOptions(20)).passages()).hasSize(count);
    return folder;
  }
}
