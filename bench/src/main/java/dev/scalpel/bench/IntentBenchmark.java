package dev.scalpel.bench;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.data.ReadOptions;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.CachedEncoder;
import dev.scalpel.embed.EmbeddingCache;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistFiles;
import dev.scalpel.learn.SpecialistTrainer;
import dev.scalpel.learn.TrainOptions;
import dev.scalpel.learn.TrainingResult;
import dev.scalpel.learn.eval.EvalMetrics;
import dev.scalpel.learn.eval.EvalReport;
import dev.scalpel.learn.eval.Evaluator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Accuracy and speed of the specialist engine on CLINC150 Full and BANKING77, written to
 * bench/results/ next to the published baselines. Run with {@code bench/run IntentBenchmark}.
 */
@Command(name = "IntentBenchmark", mixinStandardHelpOptions = true)
public final class IntentBenchmark implements Callable<Integer> {
  @Option(
      names = "--datasets",
      defaultValue = "../shared/datasets",
      description = "Shared datasets folder.")
  Path datasets;

  @Option(
      names = "--work",
      defaultValue = "bench/target/work",
      description = "Scratch folder (converted data, caches).")
  Path work;

  @Option(
      names = "--out",
      defaultValue = "bench/results",
      description = "Where results are written.")
  Path out;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--latency-samples", defaultValue = "1000")
  int latencySamples;

  private final Map<String, Object> results = new LinkedHashMap<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new IntentBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    results.put("command", "bench/run IntentBenchmark " + String.join(" ", commandArgs()));
    results.put("machine", Machine.describe());
    results.put("date", Instant.now().toString());
    TrainOptions options = TrainOptions.defaults(seed);
    results.put("default_features", options.features().toString());
    results.put("trainer", options.trainer().toString());
    try (SentenceEncoder encoder = Encoders.open(EncoderSpec.DEFAULT)) {
      clinc(encoder, options);
      banking(encoder, options);
    }
    Files.createDirectories(out);
    AtomicFiles.write(
        out.resolve("intent-engine.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(results));
    AtomicFiles.write(
        out.resolve("intent-engine.md"),
        IntentReport.render(results).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    System.out.println("wrote " + out.resolve("intent-engine.json") + " and intent-engine.md");
    return 0;
  }

  private void clinc(SentenceEncoder encoder, TrainOptions options) throws IOException {
    PublicDatasets.ClincSplits splits = PublicDatasets.clincFull(datasets, work.resolve("data"));
    ReadOptions read = ReadOptions.defaults();
    Dataset train = DatasetReader.read(splits.train(), read);
    Dataset val = DatasetReader.read(splits.val(), read);
    Dataset test = DatasetReader.read(splits.test(), read);
    Path cache = work.resolve("cache");
    WorkDirs.deleteRecursively(cache);

    long start = System.nanoTime();
    TrainingResult cold = trainCached(encoder, cache, options, train, val);
    double coldSeconds = seconds(start);
    start = System.nanoTime();
    TrainingResult warm = trainCached(encoder, cache, options, train, val);
    double warmSeconds = seconds(start);
    Path modelFile = work.resolve("clinc-full.scalpel");
    SpecialistFiles.save(warm.specialist(), modelFile);

    Map<String, Object> clinc = new LinkedHashMap<>();
    clinc.put("train_cold_seconds", round(coldSeconds));
    clinc.put("train_warm_seconds", round(warmSeconds));
    clinc.put("model_file_mib", round(Files.size(modelFile) / (1024.0 * 1024)));
    clinc.put("deterministic_cold_vs_warm", sameWeights(cold.specialist(), warm.specialist()));

    System.gc();
    long heapBefore = usedHeap();
    Specialist specialist = SpecialistFiles.load(modelFile, identity -> encoder);
    System.gc();
    clinc.put("loaded_model_heap_mib", round((usedHeap() - heapBefore) / (1024.0 * 1024)));

    EvalReport report =
        Evaluator.evaluate(specialist, modelFile.toString(), test, false, seed, Progress.NONE);
    clinc.put("test_default", report.metrics());
    clinc.put("test_top1_in_scope_accuracy", round4(top1InScope(specialist, test)));
    clinc.put("val_metrics", specialist.info().validation());
    clinc.put("thresholds", thresholdSummary(specialist));

    TrainingResult halfPoint =
        trainCached(encoder, cache, options.withMaxAccuracyDrop(0.005), train, val);
    EvalMetrics half =
        Evaluator.evaluate(halfPoint.specialist(), "half-point", test, false, seed, Progress.NONE)
            .metrics();
    clinc.put("test_max_accuracy_drop_0.005", half);

    clinc.put("speed", speed(encoder, specialist, test));
    results.put("clinc150_full", clinc);
  }

  private void banking(SentenceEncoder encoder, TrainOptions options) throws IOException {
    ReadOptions read = ReadOptions.defaults();
    Dataset train = DatasetReader.read(PublicDatasets.banking77(datasets, "train"), read);
    Dataset test = DatasetReader.read(PublicDatasets.banking77(datasets, "test"), read);
    long start = System.nanoTime();
    Path cache = work.resolve("cache");
    TrainingResult result;
    try (CachedEncoder cached =
        CachedEncoder.create(
            new Unclosed(encoder), EmbeddingCache.open(cache, encoder.identity()))) {
      result = SpecialistTrainer.create(options, cached).train(train, Progress.NONE);
    }
    double trainSeconds = seconds(start);
    Map<String, Object> banking = new LinkedHashMap<>();
    banking.put("train_seconds_with_5_fold_cv", round(trainSeconds));
    banking.put("test_top1_accuracy", round4(top1InScope(result.specialist(), test)));
    banking.put(
        "test_default",
        Evaluator.evaluate(result.specialist(), "banking77", test, false, seed, Progress.NONE)
            .metrics());
    results.put("banking77", banking);
  }

  private Map<String, Object> speed(SentenceEncoder encoder, Specialist specialist, Dataset test) {
    List<String> texts = new ArrayList<>(test.texts());
    Collections.shuffle(texts, new Random(seed));
    List<String> sample = texts.subList(0, Math.min(latencySamples, texts.size()));
    for (int i = 0; i < 50; i++) {
      specialist.classify(sample.get(i % sample.size()));
    }
    double[] millis = new double[sample.size()];
    double[] encoderMillis = new double[sample.size()];
    for (int i = 0; i < sample.size(); i++) {
      long t = System.nanoTime();
      encoder.embed(sample.get(i));
      encoderMillis[i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      specialist.classify(sample.get(i));
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    Arrays.sort(encoderMillis);
    List<String> batch = texts.subList(0, Math.min(2000, texts.size()));
    double[] encoderRate = new double[3];
    double[] engineRate = new double[3];
    for (int round = 0; round < 3; round++) {
      long t = System.nanoTime();
      encoder.embed(batch);
      encoderRate[round] = batch.size() / seconds(t);
      t = System.nanoTime();
      specialist.classifyAll(batch, Progress.NONE);
      engineRate[round] = batch.size() / seconds(t);
    }
    Arrays.sort(encoderRate);
    Arrays.sort(engineRate);
    Map<String, Object> speed = new LinkedHashMap<>();
    speed.put("single_predict_p50_ms", Evaluator.percentile(millis, 0.5));
    speed.put("single_predict_p99_ms", Evaluator.percentile(millis, 0.99));
    speed.put("single_encoder_only_p50_ms", Evaluator.percentile(encoderMillis, 0.5));
    speed.put("single_encoder_only_p99_ms", Evaluator.percentile(encoderMillis, 0.99));
    speed.put("latency_samples", sample.size());
    speed.put("batch_texts", batch.size());
    speed.put("encoder_raw_texts_per_s_median", round(encoderRate[1]));
    speed.put("engine_batch_texts_per_s_median", round(engineRate[1]));
    speed.put("engine_vs_encoder_ratio", round4(engineRate[1] / encoderRate[1]));
    speed.put("process_rss_mib", round(Machine.rssMib()));
    return speed;
  }

  private static TrainingResult trainCached(
      SentenceEncoder encoder, Path cache, TrainOptions options, Dataset train, Dataset val) {
    try (CachedEncoder cached =
        CachedEncoder.create(
            new Unclosed(encoder), EmbeddingCache.open(cache, encoder.identity()))) {
      return SpecialistTrainer.create(options, cached).train(train, val, Progress.NONE);
    }
  }

  private static double top1InScope(Specialist specialist, Dataset data) {
    List<Example> inScope = data.examples().stream().filter(e -> !data.isOos(e)).toList();
    List<Prediction> predictions =
        specialist.classifyAll(inScope.stream().map(Example::text).toList(), Progress.NONE);
    int right = 0;
    for (int i = 0; i < inScope.size(); i++) {
      right += predictions.get(i).topLabel().equals(inScope.get(i).label()) ? 1 : 0;
    }
    return (double) right / inScope.size();
  }

  private static Map<String, Object> thresholdSummary(Specialist specialist) {
    var points = specialist.info().thresholds();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("oos_threshold", round4(points.oosThreshold()));
    summary.put("oos_rule", points.oosRule());
    summary.put("abstain_threshold", round4(points.abstainThreshold()));
    summary.put("target_precision", points.targetPrecision());
    summary.put("expected_coverage", round4(points.expectedCoverage()));
    summary.put("temperature", round4(specialist.info().temperature()));
    return summary;
  }

  private static boolean sameWeights(Specialist a, Specialist b) {
    var pa = a.classifyAll(List.of("probe one", "what is my balance"), Progress.NONE);
    var pb = b.classifyAll(List.of("probe one", "what is my balance"), Progress.NONE);
    return pa.equals(pb);
  }

  private List<String> commandArgs() {
    return List.of("--datasets", datasets.toString(), "--seed", Long.toString(seed));
  }

  private static long usedHeap() {
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static double round4(double value) {
    return Math.round(value * 10000) / 10000.0;
  }
}
