package dev.scalpel.bench.pii;

import dev.scalpel.bench.Machine;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.guard.pii.PiiRedactor;
import dev.scalpel.guard.pii.PiiType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Precision, recall and speed of PII redaction on a generated corpus ({@link PiiCorpus}), written
 * to bench/results/pii-redaction.md and .json. Run with {@code bench/run pii.PiiBenchmark}.
 */
@Command(name = "PiiBenchmark", mixinStandardHelpOptions = true)
public final class PiiBenchmark implements Callable<Integer> {
  static final double RECALL_TARGET = 0.99;
  static final double PRECISION_TARGET = 0.98;
  static final double MESSAGES_PER_SECOND_TARGET = 5_000;

  @Option(names = "--out", defaultValue = "bench/results", description = "Where results go.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Corpus seed.")
  long seed;

  @Option(names = "--size", defaultValue = "20000", description = "Sentences in the corpus.")
  int size;

  @Option(names = "--rounds", defaultValue = "5", description = "Measured passes over the corpus.")
  int rounds;

  @Option(
      names = "--warmup-rounds",
      defaultValue = "5",
      description = "Unmeasured passes first (JIT).")
  int warmupRounds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PiiBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put(
        "command",
        String.format(
            "bench/run pii.PiiBenchmark --seed %d --size %d --rounds %d --warmup-rounds %d",
            seed, size, rounds, warmupRounds));
    results.put("date", Instant.now().toString());
    results.put("machine", Machine.describe());
    results.put("load_average_at_start", loadAverage());

    List<LabeledText> corpus = PiiCorpus.generate(seed, size);
    PiiRedactor redactor = PiiRedactor.create(EnumSet.allOf(PiiType.class));
    results.put("corpus", describe(corpus));

    PiiScores scores = new PiiScores();
    for (LabeledText text : corpus) {
      scores.add(text, redactor.detect(text.text()));
    }
    results.put("accuracy", scores.toMap());
    results.put("throughput", throughput(redactor, corpus));
    results.put("load_average_at_end", loadAverage());
    results.put(
        "targets",
        Map.of(
            "recall_per_type", RECALL_TARGET,
            "precision_per_type", PRECISION_TARGET,
            "messages_per_second_one_thread", MESSAGES_PER_SECOND_TARGET));

    Files.createDirectories(out);
    AtomicFiles.write(
        out.resolve("pii-redaction.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(results));
    AtomicFiles.write(
        out.resolve("pii-redaction.md"),
        PiiReport.render(results, scores).getBytes(StandardCharsets.UTF_8));
    System.out.println(PiiReport.render(results, scores));
    System.out.println("wrote " + out.resolve("pii-redaction.json") + " and pii-redaction.md");
    return 0;
  }

  /**
   * One thread redacting every sentence in a fresh session, as the gateway does per request. Wall
   * time and the thread's own CPU time are both reported: on a shared machine the CPU time is the
   * steadier measure of what one core can do.
   */
  private Map<String, Object> throughput(PiiRedactor redactor, List<LabeledText> corpus) {
    List<String> texts = corpus.stream().map(LabeledText::text).toList();
    long warmupEntities = 0;
    for (int round = 0; round < warmupRounds; round++) {
      warmupEntities += pass(redactor, texts);
    }
    long sink = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wallRates = new double[rounds];
    double[] cpuRates = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      sink += pass(redactor, texts);
      wallRates[round] = texts.size() / ((System.nanoTime() - wall) / 1e9);
      cpuRates[round] = texts.size() / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
    }
    Arrays.sort(wallRates);
    Arrays.sort(cpuRates);
    Map<String, Object> speed = new LinkedHashMap<>();
    speed.put("messages_per_round", texts.size());
    speed.put(
        "mean_message_chars",
        PiiScores.round(texts.stream().mapToInt(String::length).average().orElse(0)));
    speed.put("warmup_rounds", warmupRounds);
    speed.put("rounds", rounds);
    speed.put("wall_messages_per_second_median", Math.round(wallRates[rounds / 2]));
    speed.put("wall_messages_per_second_min", Math.round(wallRates[0]));
    speed.put("thread_cpu_messages_per_second_median", Math.round(cpuRates[rounds / 2]));
    speed.put("mean_microseconds_per_message", PiiScores.round(1e6 / wallRates[rounds / 2]));
    // Printed so that the JIT cannot drop the work as unused.
    speed.put("entities_per_pass", (warmupEntities + sink) / Math.max(1, warmupRounds + rounds));
    return speed;
  }

  private static long pass(PiiRedactor redactor, List<String> texts) {
    long entities = 0;
    for (String text : texts) {
      entities += redactor.newSession().redact(text).entities().size();
    }
    return entities;
  }

  private static Map<String, Object> describe(List<LabeledText> corpus) {
    Map<String, Object> description = new LinkedHashMap<>();
    Map<String, Integer> kinds = new TreeMap<>();
    for (LabeledText text : corpus) {
      String kind = text.kind().startsWith("near_miss:") ? "near_miss" : text.kind();
      kinds.merge(kind, 1, Integer::sum);
    }
    description.put("sentences", corpus.size());
    description.put("by_kind", kinds);
    description.put("entities", corpus.stream().mapToInt(t -> t.truth().size()).sum());
    description.put(
        "examples",
        corpus.subList(0, Math.min(12, corpus.size())).stream().map(LabeledText::text).toList());
    return description;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
