package dev.scalpel.knowledge;

import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.SentenceEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The {@link KnowledgeIndexer} on Lucene. It opens the directory in {@code CREATE} mode without
 * commit-on-close: the old commit stays the live one while passages are embedded and added, and
 * {@link IndexWriter#commit()} switches to the new one (pending segments file, fsync, rename), so
 * there is no separate temp-directory swap to get wrong. Passages are embedded in batches while
 * they are added, which keeps memory flat for large folders.
 */
final class LuceneIndexer implements KnowledgeIndexer {
  private static final int BATCH = 64;

  private final SentenceEncoder encoder;

  LuceneIndexer(SentenceEncoder encoder) {
    this.encoder = encoder;
  }

  @Override
  public KbMetadata index(Corpus corpus, Path dir, Progress progress) {
    List<Passage> passages = corpus.passages();
    if (passages.isEmpty()) {
      throw new IllegalArgumentException(corpus.folder() + ": no passages to index");
    }
    KbMetadata metadata =
        new KbMetadata(
            KbMetadata.FORMAT_VERSION,
            encoder.identity(),
            corpus.documents().size(),
            passages.size(),
            corpus.options().maxWords(),
            Instant.now(),
            corpus.folder().toAbsolutePath().normalize().toString());
    try {
      Files.createDirectories(dir);
      try (FSDirectory directory = FSDirectory.open(dir);
          IndexWriter writer = new IndexWriter(directory, config())) {
        progress.start("indexing " + passages.size() + " passages", passages.size());
        for (int from = 0; from < passages.size(); from += BATCH) {
          List<Passage> batch = passages.subList(from, Math.min(passages.size(), from + BATCH));
          float[][] vectors =
              encoder.embed(batch.stream().map(Passage::searchableText).toList(), Progress.NONE);
          for (int i = 0; i < batch.size(); i++) {
            writer.addDocument(document(batch.get(i), vectors[i]));
          }
          progress.advance(batch.size());
        }
        writer.setLiveCommitData(metadata.toUserData().entrySet());
        writer.commit();
        progress.finish();
      }
    } catch (LockObtainFailedException e) {
      throw new UncheckedIOException(
          dir + ": another process is indexing this knowledge base; try again when it is done", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the index " + dir + ": " + e.getMessage(), e);
    }
    return metadata;
  }

  private static IndexWriterConfig config() {
    return new IndexWriterConfig(IndexSchema.analyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setCommitOnClose(false);
  }

  private static Document document(Passage passage, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.ID, passage.id(), Field.Store.YES));
    doc.add(new StoredField(IndexSchema.SOURCE, passage.source()));
    doc.add(new StoredField(IndexSchema.TITLE, passage.title()));
    doc.add(new StoredField(IndexSchema.TEXT, passage.text()));
    doc.add(new TextField(IndexSchema.CONTENT, passage.searchableText(), Field.Store.NO));
    doc.add(new KnnFloatVectorField(IndexSchema.VECTOR, vector, IndexSchema.SIMILARITY));
    return doc;
  }
}
