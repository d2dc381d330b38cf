package dev.scalpel.bench.jmh;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.DatasetReader;
import dev.scalpel.core.data.ReadOptions;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistTrainer;
import dev.scalpel.learn.TrainOptions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The predict path of a specialist trained on the example support data: the whole path (encoder
 * included), and the part after the encoder (features and head) with a precomputed embedding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PredictBenchmark {
  @Param({"my e-bike battery dies after 20 km, is that normal?"})
  public String text;

  private SentenceEncoder encoder;
  private Specialist specialist;
  private float[] embedding;

  @Setup(Level.Trial)
  public void setUp() {
    Path examples = Path.of(System.getProperty("scalpel.examples", "examples/support"));
    Dataset train = DatasetReader.read(examples.resolve("train.csv"), ReadOptions.defaults());
    Dataset val = DatasetReader.read(examples.resolve("val.csv"), ReadOptions.defaults());
    encoder = Encoders.open(EncoderSpec.DEFAULT);
    specialist =
        SpecialistTrainer.create(TrainOptions.defaults(42), encoder)
            .train(train, val, Progress.NONE)
            .specialist();
    embedding = encoder.embed(text);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    encoder.close();
  }

  @Benchmark
  public Prediction classifyWithEncoder() {
    return specialist.classify(text);
  }

  @Benchmark
  public Prediction classifyPrecomputedEmbedding() {
    return specialist.classify(text, embedding);
  }

  @Benchmark
  public float[] encoderOnly() {
    return encoder.embed(text);
  }
}
