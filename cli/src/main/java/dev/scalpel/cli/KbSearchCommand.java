package dev.scalpel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.knowledge.Hit;
import dev.scalpel.knowledge.KbMetadata;
import dev.scalpel.knowledge.KnowledgeBase;
import dev.scalpel.knowledge.Match;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalpel kb search QUERY}: the best passages for a query, with their scores. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search a knowledge base: BM25 and vector search fused by reciprocal rank (or one of them"
          + " with --mode). Prints rank, score, source, title and a snippet of each passage.",
      "With --json, one JSON object per passage: rank, score, id, source, title, text, and bm25 and"
          + " vector ({rank, score}, or null when that retriever did not rank it)."
    })
final class KbSearchCommand implements Callable<Integer> {
  private static final int SNIPPET_CHARS = 160;

  /** Which retrievers answer. */
  enum Mode {
    HYBRID,
    BM25,
    VECTOR
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "QUERY", description = "What to search for.")
  String query;

  @Option(
      names = "--top",
      defaultValue = "5",
      description = "Passages to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--mode",
      defaultValue = "hybrid",
      description = "hybrid, bm25 or vector (default: ${DEFAULT-VALUE}).")
  Mode mode;

  @Option(names = "--json", description = "Print JSON lines instead of text.")
  boolean json;

  @Mixin KbOptions kb;
  @Mixin EncoderOptions encoderOptions;

  @Override
  public Integer call() {
    if (top < 1) {
      throw new CliException("--top: expected at least 1, found " + top);
    }
    if (query.isBlank()) {
      throw new CliException("QUERY must not be blank");
    }
    Path dir = kb.indexDir();
    if (!KnowledgeBase.exists(dir)) {
      throw new CliException(
          "no knowledge base '"
              + kb.name
              + "' in "
              + dir
              + "; build it first with: scalpel kb index FOLDER"
              + (kb.name.equals(KnowledgeBase.DEFAULT_NAME) ? "" : " --name " + kb.name)
              + " (and the same --data-dir or --config)");
    }
    KbMetadata metadata = KnowledgeBase.readMetadata(dir);
    List<Hit> hits;
    try (SentenceEncoder encoder = openEncoder(metadata);
        KnowledgeBase base = KnowledgeBase.open(dir, encoder)) {
      hits =
          switch (mode) {
            case HYBRID -> base.search(query, top);
            case BM25 -> base.lexical(query, top);
            case VECTOR -> base.semantic(encoder.embed(query), top);
          };
    }
    PrintWriter out = spec.commandLine().getOut();
    for (Hit hit : hits) {
      if (json) {
        out.println(json(hit));
      } else {
        print(out, hit);
      }
    }
    if (hits.isEmpty() && !json) {
      out.println("no passage matches (BM25 needs at least one indexed word: try --mode vector)");
    }
    out.flush();
    return 0;
  }

  private SentenceEncoder openEncoder(KbMetadata metadata) {
    String indexedWith = metadata.encoder().name();
    if (encoderOptions.model == null
        && !EncoderSpec.Builtin.BGE_SMALL_EN_V15_Q.equals(indexedWith)) {
      throw new CliException(
          "the knowledge base was indexed with the local encoder '"
              + indexedWith
              + "': pass it with --encoder-model and --encoder-tokenizer");
    }
    return Encoders.open(encoderOptions.spec());
  }

  private static void print(PrintWriter out, Hit hit) {
    out.printf(
        Locale.ROOT,
        "%2d. %s  (%s)%n    score %.4f | bm25 %s | vector %s%n    %s%n",
        hit.rank(),
        hit.passage().title(),
        hit.passage().id(),
        hit.score(),
        describe(hit.bm25(), "%.2f"),
        describe(hit.vector(), "%.3f"),
        snippet(hit.passage().text()));
  }

  private static String describe(Match match, String scoreFormat) {
    return match.found()
        ? "#" + match.rank() + " " + String.format(Locale.ROOT, scoreFormat, match.score())
        : "-";
  }

  private static String snippet(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= SNIPPET_CHARS
        ? flat
        : flat.substring(0, SNIPPET_CHARS - 3).stripTrailing() + "...";
  }

  private static String json(Hit hit) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("rank", hit.rank());
    node.put("score", hit.score());
    node.put("id", hit.passage().id());
    node.put("source", hit.passage().source());
    node.put("title", hit.passage().title());
    node.put("text", hit.passage().text());
    node.set("bm25", hit.bm25().found() ? Json.mapper().valueToTree(hit.bm25()) : null);
    node.set("vector", hit.vector().found() ? Json.mapper().valueToTree(hit.vector()) : null);
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
