package dev.scalpel.bench.kb;

import dev.scalpel.bench.Machine;
import dev.scalpel.bench.WorkDirs;
import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.data.ReadOptions;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.knowledge.Corpus;
import dev.scalpel.knowledge.FusionOptions;
import dev.scalpel.knowledge.Hit;
import dev.scalpel.knowledge.KbMetadata;
import dev.scalpel.knowledge.KnowledgeBase;
import dev.scalpel.knowledge.KnowledgeIndexer;
import dev.scalpel.knowledge.Passage;
import dev.scalpel.knowledge.SplitOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Retrieval quality and speed of the knowledge base on the example Northwind Cycles knowledge base
 * and its question set: recall at 1 and 5 of BM25 alone, vectors alone and both fused, index time,
 * and warm search latencies, written to bench/results/kb-retrieval.{json,md}. Run with {@code
 * bench/run kb.KbBenchmark}.
 */
@Command(name = "kb.KbBenchmark", mixinStandardHelpOptions = true)
public final class KbBenchmark implements Callable<Integer> {
  /** bge-small-en-v1.5's instruction for short queries that look for passages. */
  static final String INSTRUCTION = "Represent this sentence for searching relevant passages: ";

  private static final int K = 5;
  private static final List<Integer> OTHER_RANK_CONSTANTS = List.of(10, 30, 100);
  private static final List<Double> GATE_THRESHOLDS = List.of(0.6, 0.65, 0.7, 0.75, 0.8, 0.85);

  @Option(names = "--kb", defaultValue = "examples/kb", description = "Knowledge-base folder.")
  Path kb;

  @Option(
      names = "--questions",
      defaultValue = "examples/kb/questions.jsonl",
      description = "Questions (JSON lines: question, source, title).")
  Path questionsFile;

  @Option(
      names = "--oos",
      defaultValue = "examples/support/test.csv",
      description = "A dataset whose out-of-scope texts test the relevance gate.")
  Path oos;

  @Option(names = "--work", defaultValue = "bench/target/work/kb", description = "Scratch folder.")
  Path work;

  @Option(names = "--out", defaultValue = "bench/results", description = "Where results go.")
  Path out;

  @Option(names = "--index-runs", defaultValue = "3", description = "Cold index builds timed.")
  int indexRuns;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      description = "Latency rounds over all questions.")
  int rounds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new KbBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("command", command());
    header.put("date", Instant.now().toString());
    header.put("machine", Machine.describe());
    header.put("load_average_at_start", loadAverage());
    Corpus corpus = Corpus.read(kb, SplitOptions.defaults());
    List<Question> questions = Question.read(questionsFile);
    requireAnswerable(questions, corpus);
    header.put(
        "knowledge_base",
        kb
            + " ("
            + corpus.documents().size()
            + " documents, "
            + corpus.passages().size()
            + " passages of at most "
            + corpus.options().maxWords()
            + " words)");
    header.put("questions", questionsFile + " (" + questions.size() + ")");
    Path index = work.resolve("index");
    KbResults results;
    try (SentenceEncoder encoder = Encoders.open(EncoderSpec.DEFAULT)) {
      header.put("encoder", encoder.identity().name());
      KbResults.Indexing indexing = index(encoder, corpus, index);
      List<String> texts = questions.stream().map(Question::question).toList();
      float[][] plain = encoder.embed(texts);
      float[][] instructed = encoder.embed(texts.stream().map(q -> INSTRUCTION + q).toList());
      try (KnowledgeBase base = KnowledgeBase.open(index, encoder)) {
        List<KbResults.Scores> retrieval =
            List.of(
                score("bm25", questions, i -> base.lexical(texts.get(i), K)),
                score("vector", questions, i -> base.semantic(plain[i], K)),
                score("hybrid (rrf k=60)", questions, i -> base.search(texts.get(i), plain[i], K)));
        List<KbResults.Scores> withInstruction =
            List.of(
                score("vector", questions, i -> base.semantic(instructed[i], K)),
                score(
                    "hybrid (rrf k=60)",
                    questions,
                    i -> base.search(texts.get(i), instructed[i], K)));
        List<KbResults.Scores> rankConstants = new ArrayList<>();
        for (int c : OTHER_RANK_CONSTANTS) {
          try (KnowledgeBase other =
              KnowledgeBase.open(
                  index, encoder, new FusionOptions(c, FusionOptions.DEFAULT_CANDIDATES))) {
            rankConstants.add(
                score(
                    "hybrid (rrf k=" + c + ")",
                    questions,
                    i -> other.search(texts.get(i), plain[i], K)));
          }
        }
        List<KbResults.Latency> latency = Latencies.measure(base, encoder, texts, plain, rounds);
        List<KbResults.GatePoint> gate = gate(base, encoder, questions, plain);
        results =
            new KbResults(
                header,
                indexing,
                retrieval,
                withInstruction,
                rankConstants,
                latency,
                gate,
                misses(base, questions, plain));
      }
    }
    header.put("load_average_at_end", loadAverage());
    header.put("process_rss_mib", Math.round(Machine.rssMib()));
    Files.createDirectories(out);
    AtomicFiles.write(
        out.resolve("kb-retrieval.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(results));
    AtomicFiles.write(
        out.resolve("kb-retrieval.md"), KbReport.render(results).getBytes(StandardCharsets.UTF_8));
    System.out.println("wrote " + out.resolve("kb-retrieval.json") + " and kb-retrieval.md");
    return 0;
  }

  /** Fails before measuring when a question names a section the knowledge base does not have. */
  private static void requireAnswerable(List<Question> questions, Corpus corpus) {
    for (Question q : questions) {
      if (corpus.passages().stream().noneMatch(q::answeredBy)) {
        throw new IllegalArgumentException(
            "question '"
                + q.question()
                + "' names "
                + q.source()
                + " > '"
                + q.title()
                + "', which the knowledge base does not have");
      }
    }
  }

  private KbResults.Indexing index(SentenceEncoder encoder, Corpus corpus, Path index)
      throws IOException {
    List<Double> seconds = new ArrayList<>();
    KbMetadata metadata = null;
    for (int run = 0; run < indexRuns; run++) {
      WorkDirs.deleteRecursively(index);
      long start = System.nanoTime();
      metadata = KnowledgeIndexer.create(encoder).index(corpus, index, Progress.NONE);
      seconds.add((System.nanoTime() - start) / 1e9);
    }
    long start = System.nanoTime();
    encoder.embed(corpus.passages().stream().map(Passage::searchableText).toList());
    double embedOnly = (System.nanoTime() - start) / 1e9;
    seconds.sort(null);
    return new KbResults.Indexing(
        metadata.documents(),
        metadata.passages(),
        indexRuns,
        round(seconds.get(seconds.size() / 2), 100),
        round(embedOnly, 100));
  }

  private static KbResults.Scores score(
      String mode, List<Question> questions, IntFunction<List<Hit>> search) {
    int atOne = 0;
    int atFive = 0;
    double reciprocal = 0;
    for (int i = 0; i < questions.size(); i++) {
      int rank = rankOfAnswer(questions.get(i), search.apply(i));
      atOne += rank == 1 ? 1 : 0;
      atFive += rank >= 1 && rank <= K ? 1 : 0;
      reciprocal += rank >= 1 ? 1.0 / rank : 0;
    }
    int n = questions.size();
    return new KbResults.Scores(
        mode,
        n,
        round((double) atOne / n, 1000),
        round((double) atFive / n, 1000),
        round(reciprocal / n, 1000));
  }

  /** The 1-based rank of the first hit from the answering section, or 0. */
  private static int rankOfAnswer(Question question, List<Hit> hits) {
    for (Hit hit : hits) {
      if (question.answeredBy(hit.passage())) {
        return hit.rank();
      }
    }
    return 0;
  }

  private List<KbResults.GatePoint> gate(
      KnowledgeBase base, SentenceEncoder encoder, List<Question> questions, float[][] plain) {
    Dataset dataset = DatasetReader.read(oos, ReadOptions.defaults());
    List<String> oosTexts =
        dataset.examples().stream().filter(dataset::isOos).map(Example::text).toList();
    float[][] oosVectors = encoder.embed(oosTexts);
    List<KbResults.GatePoint> points = new ArrayList<>();
    for (double threshold : GATE_THRESHOLDS) {
      int answered = 0;
      int right = 0;
      for (int i = 0; i < questions.size(); i++) {
        if (base.semantic(plain[i], 1).getFirst().vector().score() >= threshold) {
          answered++;
          Hit best = base.search(questions.get(i).question(), plain[i], 1).getFirst();
          right += questions.get(i).answeredBy(best.passage()) ? 1 : 0;
        }
      }
      int oosAnswered = 0;
      for (float[] vector : oosVectors) {
        oosAnswered += base.semantic(vector, 1).getFirst().vector().score() >= threshold ? 1 : 0;
      }
      points.add(
          new KbResults.GatePoint(
              threshold,
              round((double) answered / questions.size(), 1000),
              answered == 0 ? 0 : round((double) right / answered, 1000),
              round((double) oosAnswered / oosTexts.size(), 1000)));
    }
    return points;
  }

  private static List<KbResults.Miss> misses(
      KnowledgeBase base, List<Question> questions, float[][] plain) {
    List<KbResults.Miss> misses = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      List<Hit> hits = base.search(q.question(), plain[i], K);
      if (rankOfAnswer(q, hits) == 0) {
        Passage got = hits.getFirst().passage();
        misses.add(
            new KbResults.Miss(
                q.question(), q.source() + " > " + q.title(), got.source() + " > " + got.title()));
      }
    }
    return misses;
  }

  private String command() {
    return "bench/run kb.KbBenchmark --kb "
        + kb
        + " --questions "
        + questionsFile
        + " --oos "
        + oos
        + " --index-runs "
        + indexRuns
        + " --rounds "
        + rounds;
  }

  /** The 1, 5 and 15 minute load averages: other work on the machine skews the timings. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static double round(double value, int scale) {
    return Math.round(value * scale) / (double) scale;
  }
}
