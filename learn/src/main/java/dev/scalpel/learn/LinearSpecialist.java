package dev.scalpel.learn;

import dev.scalpel.core.Decision;
import dev.scalpel.core.progress.Progress;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.learn.features.Featurizer;
import dev.scalpel.learn.features.NgramExtractor;
import dev.scalpel.learn.features.SparseVector;
import dev.scalpel.learn.head.LinearHead;
import dev.scalpel.learn.head.TemperatureScaling;
import dev.scalpel.learn.select.OperatingPoints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A specialist made of n-gram and embedding features, a multinomial linear head and a calibration
 * temperature.
 */
final class LinearSpecialist implements Specialist {
  private static final int TOP_K = 5;
  private static final int EXPLANATION_SIZE = 5;

  private final ModelInfo info;
  private final Featurizer featurizer;
  private final LinearHead head;
  private final SentenceEncoder encoder;

  /** {@code encoder} may be null only when the model uses no embeddings. */
  LinearSpecialist(
      ModelInfo info, Featurizer featurizer, LinearHead head, SentenceEncoder encoder) {
    if (info.features().useEmbeddings() && encoder == null) {
      throw new IllegalArgumentException("this model needs a sentence encoder");
    }
    this.info = info;
    this.featurizer = featurizer;
    this.head = head;
    this.encoder = encoder;
  }

  @Override
  public Prediction classify(String text) {
    return classify(text, embed(List.of(text), Progress.NONE)[0]);
  }

  @Override
  public Prediction classify(String text, float[] embedding) {
    SparseVector x = featurizer.features(text, embedding);
    return predict(x, TemperatureScaling.probabilities(head.logits(x), info.temperature()));
  }

  @Override
  public List<Prediction> classifyAll(List<String> texts, Progress progress) {
    float[][] embeddings = embed(texts, progress);
    // Features and head are independent per text: spread them over the cores like the encoder.
    return IntStream.range(0, texts.size())
        .parallel()
        .mapToObj(i -> classify(texts.get(i), embeddings[i]))
        .toList();
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public Specialist withTargetPrecision(double targetPrecision) {
    return new LinearSpecialist(
        info.withThresholds(info.thresholds().withTargetPrecision(targetPrecision)),
        featurizer,
        head,
        encoder);
  }

  Featurizer featurizer() {
    return featurizer;
  }

  LinearHead head() {
    return head;
  }

  private float[][] embed(List<String> texts, Progress progress) {
    if (!info.features().useEmbeddings()) {
      return new float[texts.size()][];
    }
    return encoder.embed(texts, progress);
  }

  Prediction predict(SparseVector x, float[] probabilities) {
    Integer[] order = new Integer[probabilities.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> -probabilities[i]));
    List<ScoredLabel> top = new ArrayList<>();
    for (int k = 0; k < Math.min(TOP_K, order.length); k++) {
      top.add(new ScoredLabel(info.classes().get(order[k]), probabilities[order[k]]));
    }
    int best = order[0];
    double confidence = Math.min(1, probabilities[best]);
    OperatingPoints points = info.thresholds();
    Decision decision = points.decide(best == info.oosClass(), confidence);
    String label = decision == Decision.OOS ? info.oosLabel() : info.classes().get(best);
    return new Prediction(label, confidence, top, decision, explain(x, best));
  }

  private List<Contribution> explain(SparseVector x, int cls) {
    int vocabulary = featurizer.vocabulary().size();
    List<Contribution> contributions = new ArrayList<>();
    for (int k = 0; k < x.size(); k++) {
      int feature = x.indices()[k];
      if (feature >= vocabulary) {
        break;
      }
      double weight = x.values()[k] * head.weight(feature, cls);
      if (weight > 0) {
        String term = featurizer.vocabulary().term(feature);
        contributions.add(
            new Contribution(NgramExtractor.display(term), NgramExtractor.kind(term), weight));
      }
    }
    contributions.sort(Comparator.comparingDouble(Contribution::weight).reversed());
    return contributions.subList(0, Math.min(EXPLANATION_SIZE, contributions.size()));
  }
}
