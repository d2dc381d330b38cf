package dev.scalpel.bench.kb;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@link KbResults} as the Markdown page bench/results/kb-retrieval.md. */
final class KbReport {
  private KbReport() {}

  static String render(KbResults r) {
    StringBuilder md = new StringBuilder("# Knowledge base: retrieval quality and speed\n\n");
    for (Map.Entry<String, Object> entry : r.header().entrySet()) {
      String value = String.valueOf(entry.getValue());
      md.append("- ")
          .append(entry.getKey().replace('_', ' '))
          .append(": ")
          .append(entry.getKey().equals("command") ? "`" + value + "`" : value)
          .append('\n');
    }
    md.append(
        "- method: every question is embedded once, without an instruction (as the gateway shares"
            + " the request's embedding), and searched for its 5 best passages; a question counts"
            + " as found at rank r when a passage of the section it names is at rank r. Hybrid"
            + " fuses the 50 best of each retriever by reciprocal rank.\n\n");

    md.append("## Recall (").append(r.retrieval().getFirst().questions()).append(" questions)\n\n");
    scores(md, r.retrieval());
    md.append("\nWith bge's query instruction (\"")
        .append(KbBenchmark.INSTRUCTION.strip())
        .append("\") prepended before embedding the question:\n\n");
    scores(md, r.withInstruction());
    md.append(
        "\nOther fusion constants, for information only (chosen on these questions, a constant"
            + " would be fitted to them):\n\n");
    scores(md, r.rankConstants());

    KbResults.Indexing ix = r.indexing();
    md.append("\n## Index time\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Building the index from the folder (reading, splitting, embedding, Lucene, commit),"
                + " no embedding cache: %.2f s for %d passages of %d documents (median of %d"
                + " runs), %.0f passages/s; embedding the same passages alone takes %.2f s, so"
                + " the encoder is %.0f%% of it.%n",
            ix.medianSeconds(),
            ix.passages(),
            ix.documents(),
            ix.runs(),
            ix.passages() / ix.medianSeconds(),
            ix.embedOnlySeconds(),
            100 * ix.embedOnlySeconds() / ix.medianSeconds()));

    md.append("\n## Search latency (warm, one query at a time, top 5)\n\n");
    md.append("| search | samples | p50 | p99 |\n|---|---|---|---|\n");
    for (KbResults.Latency l : r.latency()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.3f ms | %.3f ms |%n",
              l.what(),
              l.samples(),
              l.p50Ms(),
              l.p99Ms()));
    }

    md.append("\n## Relevance gate: answer from the knowledge base only above a cosine\n\n");
    md.append(
        "The best passage's cosine similarity (vector search) for the knowledge-base questions"
            + " and for the out-of-scope texts of the support test set (weather, recipes, coding,"
            + " ...). \"right\" is the share of answered questions whose hybrid top passage is the"
            + " expected one.\n\n");
    md.append(
        "| cosine >= | KB questions answered | of those, right | out-of-scope texts answered |\n"
            + "|---|---|---|---|\n");
    for (KbResults.GatePoint g : r.gate()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %.2f | %s | %s | %s |%n",
              g.threshold(),
              percent(g.kbAnswered()),
              percent(g.kbAnsweredRight()),
              percent(g.oosAnswered())));
    }

    md.append("\n## Questions hybrid search missed (not in its top 5)\n\n");
    if (r.hybridMisses().isEmpty()) {
      md.append("None.\n");
    } else {
      md.append("| question | expected | hybrid's first passage |\n|---|---|---|\n");
      for (KbResults.Miss m : r.hybridMisses()) {
        md.append("| ")
            .append(m.question())
            .append(" | ")
            .append(m.expected())
            .append(" | ")
            .append(m.got())
            .append(" |\n");
      }
    }
    return md.toString();
  }

  private static void scores(StringBuilder md, List<KbResults.Scores> scores) {
    md.append("| retriever | recall@1 | recall@5 | MRR@5 |\n|---|---|---|---|\n");
    for (KbResults.Scores s : scores) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %.3f |%n",
              s.mode(),
              percent(s.recallAt1()),
              percent(s.recallAt5()),
              s.mrrAt5()));
    }
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
