package dev.scalpel.learn;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.learn.eval.MetricsCalculator;
import dev.scalpel.learn.features.FeatureConfig;
import dev.scalpel.learn.features.Featurizer;
import dev.scalpel.learn.features.NgramExtractor;
import dev.scalpel.learn.features.SparseVector;
import dev.scalpel.learn.features.Vocabulary;
import dev.scalpel.learn.head.LinearHead;
import dev.scalpel.learn.head.SoftmaxTrainer;
import dev.scalpel.learn.head.TemperatureScaling;
import dev.scalpel.learn.head.TrainerParams;
import dev.scalpel.learn.select.HeldOutScore;
import dev.scalpel.learn.select.OperatingPoints;
import dev.scalpel.learn.select.ThresholdSelector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Trains a specialist: builds the n-gram vocabulary, embeds the texts, fits the linear head,
 * calibrates a temperature and chooses the out-of-scope and abstain thresholds on held-out data (a
 * validation set, or out-of-fold predictions of k-fold cross-validation when there is none).
 */
public final class SpecialistTrainer {
  private final TrainOptions options;
  private final SentenceEncoder encoder;

  private SpecialistTrainer(TrainOptions options, SentenceEncoder encoder) {
    this.options = options;
    this.encoder = encoder;
  }

  /** A trainer whose specialists use {@code encoder}'s sentence embeddings besides n-grams. */
  public static SpecialistTrainer create(TrainOptions options, SentenceEncoder encoder) {
    if (!options.features().useEmbeddings()) {
      throw new IllegalArgumentException("these options use no embeddings; use withoutEmbeddings");
    }
    return new SpecialistTrainer(options, encoder);
  }

  /** A trainer of n-gram-only specialists (any language, no encoder). */
  public static SpecialistTrainer withoutEmbeddings(TrainOptions options) {
    return new SpecialistTrainer(
        options.withFeatures(options.features().withoutEmbeddings()), null);
  }

  /** Trains on {@code train} and chooses thresholds on {@code validation}. */
  public TrainingResult train(Dataset train, Dataset validation, Progress progress) {
    return run(train, validation, progress);
  }

  /** Trains on {@code train} and chooses thresholds by cross-validation. */
  public TrainingResult train(Dataset train, Progress progress) {
    return run(train, null, progress);
  }

  private TrainingResult run(Dataset train, Dataset validation, Progress progress) {
    long started = System.nanoTime();
    List<String> warnings = new ArrayList<>();
    List<String> classes = new ArrayList<>(train.labelCounts().keySet());
    if (classes.size() < 2) {
      throw new IllegalArgumentException(
          train.source() + ": training needs at least two labels, found " + classes);
    }
    Map<String, Integer> classIndex = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      classIndex.put(classes.get(i), i);
    }
    FeatureConfig config = options.features();
    Vocabulary vocabulary =
        Vocabulary.build(train.texts(), new NgramExtractor(config), config.minCount());
    Featurizer featurizer =
        new Featurizer(config, vocabulary, encoder == null ? 0 : encoder.identity().dimension());
    List<SparseVector> xs = featurize(featurizer, train.texts(), progress);
    int[] y = train.examples().stream().mapToInt(e -> classIndex.get(e.label())).toArray();
    SoftmaxTrainer softmax = new SoftmaxTrainer(options.trainer());
    LinearHead head;
    List<String> heldOutGold;
    List<SparseVector> heldOutX;
    float[][] heldOutLogits;
    String heldOutName;
    if (validation != null) {
      head = softmax.train(xs, y, featurizer.dimension(), classes.size(), progress);
      heldOutGold = validation.examples().stream().map(Example::label).toList();
      heldOutX = featurize(featurizer, validation.texts(), progress);
      heldOutLogits = heldOutX.stream().map(head::logits).toArray(float[][]::new);
      heldOutName = validation.source();
      List<String> unknown =
          validation.labelCounts().keySet().stream()
              .filter(l -> !classIndex.containsKey(l) && !l.equals(train.oosLabel()))
              .toList();
      if (!unknown.isEmpty()) {
        warnings.add(
            validation.source()
                + ": labels not in the training data (always counted wrong): "
                + unknown);
      }
    } else {
      heldOutGold = train.examples().stream().map(Example::label).toList();
      heldOutX = xs;
      heldOutLogits = crossValidate(xs, y, featurizer, classes.size(), progress, warnings, train);
      head = softmax.train(xs, y, featurizer.dimension(), classes.size(), progress);
      heldOutName = options.folds() + "-fold cross-validation of " + train.source();
    }
    if (heldOutGold.stream().noneMatch(l -> l.equals(train.oosLabel()))) {
      warnings.add(
          "the held-out data has no '"
              + train.oosLabel()
              + "' examples: the out-of-scope threshold comes from the confidences of correct predictions");
    }
    int[] goldIndex = heldOutGold.stream().mapToInt(l -> classIndex.getOrDefault(l, -1)).toArray();
    double temperature = TemperatureScaling.fit(heldOutLogits, goldIndex);
    float[][] probabilities = new float[heldOutLogits.length][];
    List<HeldOutScore> scores = new ArrayList<>();
    int oosClass = classIndex.getOrDefault(train.oosLabel(), -1);
    for (int i = 0; i < heldOutLogits.length; i++) {
      probabilities[i] = TemperatureScaling.probabilities(heldOutLogits[i], temperature);
      int top = argmax(probabilities[i]);
      scores.add(
          new HeldOutScore(
              !heldOutGold.get(i).equals(train.oosLabel()),
              top == oosClass,
              classes.get(top).equals(heldOutGold.get(i)),
              Math.min(1, probabilities[i][top])));
    }
    OperatingPoints points =
        ThresholdSelector.select(scores, options.targetPrecision(), options.maxAccuracyDrop());
    if (points.expectedCoverage() == 0) {
      warnings.add(
          String.format(
              "no abstain threshold reaches %.3f precision on the held-out data: the specialist will abstain on"
                  + " everything at this target (lower --target-precision or add training data)",
              options.targetPrecision()));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Provenance provenance =
        new Provenance(
            train.source(),
            dataHash(train),
            train.size(),
            train.labelCounts(),
            heldOutName,
            heldOutGold.size(),
            options.trainer(),
            options.trainer().seed(),
            Instant.now().toString(),
            ScalpelVersion.current(),
            Math.round(seconds * 100) / 100.0);
    ModelInfo info =
        new ModelInfo(
            classes,
            train.oosLabel(),
            config,
            encoder == null ? null : encoder.identity(),
            temperature,
            points,
            null,
            provenance);
    LinearSpecialist draft = new LinearSpecialist(info, featurizer, head, encoder);
    List<Prediction> heldOutPredictions = new ArrayList<>();
    for (int i = 0; i < heldOutX.size(); i++) {
      heldOutPredictions.add(draft.predict(heldOutX.get(i), probabilities[i]));
    }
    ModelInfo withMetrics =
        new ModelInfo(
            classes,
            train.oosLabel(),
            config,
            info.encoder(),
            temperature,
            points,
            MetricsCalculator.compute(heldOutGold, heldOutPredictions, train.oosLabel()),
            provenance);
    return new TrainingResult(
        new LinearSpecialist(withMetrics, featurizer, head, encoder), warnings);
  }

  private float[][] crossValidate(
      List<SparseVector> xs,
      int[] y,
      Featurizer featurizer,
      int classes,
      Progress progress,
      List<String> warnings,
      Dataset train) {
    int folds = options.folds();
    int[] fold = StratifiedFolds.assign(y, classes, folds, options.trainer().seed());
    long thin = train.labelCounts().values().stream().filter(c -> c < folds).count();
    if (thin > 0) {
      warnings.add(
          thin
              + " label(s) have fewer than "
              + folds
              + " examples: cross-validated confidence is unreliable for them (add examples or pass --val)");
    }
    float[][] logits = new float[xs.size()][];
    for (int f = 0; f < folds; f++) {
      List<SparseVector> trainX = new ArrayList<>();
      List<Integer> trainY = new ArrayList<>();
      for (int i = 0; i < xs.size(); i++) {
        if (fold[i] != f) {
          trainX.add(xs.get(i));
          trainY.add(y[i]);
        }
      }
      TrainerParams params = options.trainer();
      TrainerParams foldParams = params.withSeed(params.seed() + f + 1);
      LinearHead head =
          new SoftmaxTrainer(foldParams)
              .train(
                  trainX,
                  trainY.stream().mapToInt(Integer::intValue).toArray(),
                  featurizer.dimension(),
                  classes,
                  progress);
      for (int i = 0; i < xs.size(); i++) {
        if (fold[i] == f) {
          logits[i] = head.logits(xs.get(i));
        }
      }
    }
    return logits;
  }

  private List<SparseVector> featurize(
      Featurizer featurizer, List<String> texts, Progress progress) {
    float[][] embeddings =
        encoder == null ? new float[texts.size()][] : encoder.embed(texts, progress);
    List<SparseVector> xs = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      xs.add(featurizer.features(texts.get(i), embeddings[i]));
    }
    return xs;
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  private static String dataHash(Dataset data) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Example e : data.examples()) {
        digest.update(e.text().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(e.label().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
