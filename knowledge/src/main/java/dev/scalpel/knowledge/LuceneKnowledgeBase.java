package dev.scalpel.knowledge;

import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.SentenceEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The {@link KnowledgeBase} on one Lucene {@link DirectoryReader} and the {@link IndexSearcher}
 * over it, both safe to share between threads.
 */
final class LuceneKnowledgeBase implements KnowledgeBase {
  private static final String NO_INDEX = "no knowledge base index here; build one first";
  private static final TopDocs NO_DOCS =
      new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);

  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryBuilder queries;
  private final KbMetadata metadata;
  private final SentenceEncoder encoder;
  private final FusionOptions fusion;

  private LuceneKnowledgeBase(
      FSDirectory directory,
      DirectoryReader reader,
      KbMetadata metadata,
      SentenceEncoder encoder,
      FusionOptions fusion) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.queries = new QueryBuilder(IndexSchema.analyzer());
    this.metadata = metadata;
    this.encoder = encoder;
    this.fusion = fusion;
  }

  static boolean exists(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (FSDirectory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  static KbMetadata readMetadata(Path dir) {
    if (!exists(dir)) {
      throw new ModelFormatException(dir, NO_INDEX);
    }
    try (FSDirectory directory = FSDirectory.open(dir)) {
      List<IndexCommit> commits = DirectoryReader.listCommits(directory);
      return KbMetadata.fromUserData(dir, commits.getLast().getUserData());
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      throw corrupted(dir, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index " + dir + ": " + e.getMessage(), e);
    }
  }

  static KnowledgeBase open(Path dir, SentenceEncoder encoder, FusionOptions fusion) {
    if (!exists(dir)) {
      throw new ModelFormatException(dir, NO_INDEX);
    }
    FSDirectory directory = null;
    DirectoryReader reader = null;
    try {
      directory = FSDirectory.open(dir);
      reader = DirectoryReader.open(directory);
      KbMetadata metadata = KbMetadata.fromUserData(dir, reader.getIndexCommit().getUserData());
      requireSameEncoder(dir, metadata.encoder(), encoder.identity());
      return new LuceneKnowledgeBase(directory, reader, metadata, encoder, fusion);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      closeQuietly(reader, directory);
      throw corrupted(dir, e);
    } catch (IOException e) {
      closeQuietly(reader, directory);
      throw new UncheckedIOException("cannot open the index " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(reader, directory);
      throw e;
    }
  }

  private static ModelFormatException corrupted(Path dir, IOException e) {
    return new ModelFormatException(
        dir, "corrupted or unreadable index (" + e.getMessage() + "); re-index it");
  }

  private static void requireSameEncoder(Path dir, EncoderIdentity indexed, EncoderIdentity given) {
    if (!indexed.equals(given)) {
      throw new ModelFormatException(
          dir,
          "indexed with encoder "
              + describe(indexed)
              + ", but queried with "
              + describe(given)
              + "; query it with the encoder it was built with, or re-index");
    }
  }

  private static String describe(EncoderIdentity identity) {
    return identity.name()
        + " (sha256 "
        + identity.sha256().substring(0, 12)
        + "..., "
        + identity.dimension()
        + " dimensions, "
        + identity.pooling().name().toLowerCase(java.util.Locale.ROOT)
        + " pooling)";
  }

  @Override
  public KbMetadata metadata() {
    return metadata;
  }

  @Override
  public List<Hit> search(String query, int k) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
    return search(query, encoder.embed(query), k);
  }

  @Override
  public List<Hit> search(String query, float[] embedding, int k) {
    requirePositive(k);
    int depth = Math.max(k, fusion.candidates());
    try {
      TopDocs lexical = lexicalDocs(query, depth);
      TopDocs semantic = semanticDocs(embedding, depth);
      TopDocs fused = TopDocs.rrf(k, fusion.rankConstant(), new TopDocs[] {lexical, semantic});
      Map<Integer, Match> bm25 = matches(lexical, false);
      Map<Integer, Match> vector = matches(semantic, true);
      StoredFields stored = searcher.storedFields();
      List<Hit> hits = new ArrayList<>(fused.scoreDocs.length);
      for (ScoreDoc doc : fused.scoreDocs) {
        hits.add(
            new Hit(
                passage(stored, doc.doc),
                hits.size() + 1,
                doc.score,
                bm25.getOrDefault(doc.doc, Match.NONE),
                vector.getOrDefault(doc.doc, Match.NONE)));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search " + directory.getDirectory() + ": " + e, e);
    }
  }

  @Override
  public List<Hit> lexical(String query, int k) {
    requirePositive(k);
    try {
      return single(lexicalDocs(query, k), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search " + directory.getDirectory() + ": " + e, e);
    }
  }

  @Override
  public List<Hit> semantic(float[] embedding, int k) {
    requirePositive(k);
    try {
      return single(semanticDocs(embedding, k), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search " + directory.getDirectory() + ": " + e, e);
    }
  }

  private TopDocs lexicalDocs(String query, int depth) throws IOException {
    if (query == null) {
      throw new IllegalArgumentException("query must not be null");
    }
    Query parsed = queries.createBooleanQuery(IndexSchema.CONTENT, query);
    return parsed == null ? NO_DOCS : searcher.search(parsed, depth);
  }

  private TopDocs semanticDocs(float[] embedding, int depth) throws IOException {
    int dimension = metadata.encoder().dimension();
    if (embedding == null || embedding.length != dimension) {
      throw new IllegalArgumentException(
          "query embedding: expected "
              + dimension
              + " dimensions, found "
              + (embedding == null ? "none" : embedding.length));
    }
    return searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, embedding, depth), depth);
  }

  private List<Hit> single(TopDocs docs, boolean vector) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(docs.scoreDocs.length);
    for (ScoreDoc doc : docs.scoreDocs) {
      Match match = new Match(hits.size() + 1, score(doc, vector));
      hits.add(
          new Hit(
              passage(stored, doc.doc),
              match.rank(),
              match.score(),
              vector ? Match.NONE : match,
              vector ? match : Match.NONE));
    }
    return hits;
  }

  private static Map<Integer, Match> matches(TopDocs docs, boolean vector) {
    Map<Integer, Match> byDoc = new HashMap<>();
    for (int i = 0; i < docs.scoreDocs.length; i++) {
      byDoc.put(docs.scoreDocs[i].doc, new Match(i + 1, score(docs.scoreDocs[i], vector)));
    }
    return byDoc;
  }

  private static float score(ScoreDoc doc, boolean vector) {
    return vector ? IndexSchema.cosine(doc.score) : doc.score;
  }

  private static Passage passage(StoredFields stored, int doc) throws IOException {
    Document fields = stored.document(doc);
    return new Passage(
        fields.get(IndexSchema.ID),
        fields.get(IndexSchema.SOURCE),
        fields.get(IndexSchema.TITLE),
        fields.get(IndexSchema.TEXT));
  }

  private static void requirePositive(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, found " + k);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + directory.getDirectory() + ": " + e, e);
    }
  }

  private static void closeQuietly(DirectoryReader reader, FSDirectory directory) {
    try {
      if (reader != null) {
        reader.close();
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException e) {
      // Already failing to open; that error is the one worth reporting.
    }
  }
}
