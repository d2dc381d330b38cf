package dev.scalpel.cli;

import dev.scalpel.embed.CachedEncoder;
import dev.scalpel.embed.EmbeddingCache;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.knowledge.Corpus;
import dev.scalpel.knowledge.KbMetadata;
import dev.scalpel.knowledge.KnowledgeIndexer;
import dev.scalpel.knowledge.SplitOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalpel kb index FOLDER}: splits the folder's documents into passages and (re)builds the
 * knowledge base from them, replacing the previous index in one commit.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index a folder of Markdown (.md) and text (.txt) documents, recursively: headings make"
          + " sections, long sections are split on paragraphs, and every passage is indexed for BM25"
          + " and with its sentence embedding.",
      "Re-indexing replaces the knowledge base at once; searches see the old one until it is done."
    })
final class KbIndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FOLDER", description = "Folder of .md and .txt documents.")
  Path folder;

  @Option(
      names = "--max-words",
      defaultValue = "" + SplitOptions.DEFAULT_MAX_WORDS,
      description =
          "Longest passage, in words; longer sections are split (default: ${DEFAULT-VALUE}).")
  int maxWords;

  @Mixin KbOptions kb;
  @Mixin EncoderOptions encoderOptions;

  @Override
  public Integer call() {
    Path dir = kb.indexDir();
    if (encoderOptions.disabled()) {
      throw new CliException(
          "a knowledge base needs a sentence encoder for its vectors; drop --encoder none");
    }
    Corpus corpus = Corpus.read(folder, new SplitOptions(maxWords));
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    KbMetadata metadata;
    SentenceEncoder raw = Encoders.open(encoderOptions.spec());
    try (CachedEncoder encoder =
        CachedEncoder.create(
            raw, EmbeddingCache.open(kb.dataDir.embeddingCache(), raw.identity()))) {
      metadata =
          KnowledgeIndexer.create(encoder).index(corpus, dir, TerminalProgress.forStderr(err));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "indexed %d passages from %d documents of %s into %s in %.1f s (encoder %s)%n",
        metadata.passages(),
        metadata.documents(),
        folder,
        dir,
        (System.nanoTime() - start) / 1e9,
        metadata.encoder().name());
    out.flush();
    return 0;
  }
}
