package dev.scalpel.learn.eval;

import dev.scalpel.core.Decision;
import dev.scalpel.learn.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Computes {@link EvalMetrics} from gold labels and predictions. */
public final class MetricsCalculator {
  private static final int ECE_BINS = 15;
  private static final int MAX_CONFUSIONS = 10;

  private MetricsCalculator() {}

  public static EvalMetrics compute(
      List<String> gold, List<Prediction> predictions, String oosLabel) {
    if (gold.size() != predictions.size()) {
      throw new IllegalArgumentException("gold and predictions differ in count");
    }
    int inScope = 0;
    int inScopeRight = 0;
    int oosGold = 0;
    int oosCaught = 0;
    int oosDecided = 0;
    int inScopeAnswered = 0;
    int inScopeAnsweredRight = 0;
    int answered = 0;
    int answeredRight = 0;
    double[] binConfidence = new double[ECE_BINS];
    double[] binCorrect = new double[ECE_BINS];
    int[] binCount = new int[ECE_BINS];
    Map<String, int[]> perLabel = new HashMap<>();
    Map<List<String>, Integer> confusions = new HashMap<>();
    for (int i = 0; i < gold.size(); i++) {
      String g = gold.get(i);
      Prediction p = predictions.get(i);
      String finalLabel = p.label();
      boolean right = finalLabel.equals(g);
      boolean isOos = g.equals(oosLabel);
      boolean answeredHere = p.decision() == Decision.ANSWER;
      if (isOos) {
        oosGold++;
        oosCaught += p.decision() == Decision.OOS ? 1 : 0;
      } else {
        inScope++;
        inScopeRight += right ? 1 : 0;
        if (answeredHere) {
          inScopeAnswered++;
          inScopeAnsweredRight += right ? 1 : 0;
        }
      }
      oosDecided += p.decision() == Decision.OOS ? 1 : 0;
      if (answeredHere) {
        answered++;
        answeredRight += right && !isOos ? 1 : 0;
      }
      int bin = Math.min(ECE_BINS - 1, (int) (p.confidence() * ECE_BINS));
      binConfidence[bin] += p.confidence();
      binCorrect[bin] += p.topLabel().equals(g) ? 1 : 0;
      binCount[bin]++;
      perLabel.computeIfAbsent(g, k -> new int[3])[0]++;
      perLabel.computeIfAbsent(finalLabel, k -> new int[3])[1]++;
      if (right) {
        perLabel.get(g)[2]++;
      } else {
        confusions.merge(List.of(g, finalLabel), 1, Integer::sum);
      }
    }
    double ece = 0;
    for (int b = 0; b < ECE_BINS; b++) {
      if (binCount[b] > 0) {
        ece += Math.abs(binCorrect[b] - binConfidence[b]) / gold.size();
      }
    }
    Set<String> goldLabels = new TreeSet<>(gold);
    double f1Sum = 0;
    for (String label : goldLabels) {
      int[] counts = perLabel.get(label);
      double precision = counts[1] == 0 ? 0 : (double) counts[2] / counts[1];
      double recall = (double) counts[2] / counts[0];
      f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
    List<Confusion> top = new ArrayList<>();
    confusions.forEach((pair, count) -> top.add(new Confusion(pair.get(0), pair.get(1), count)));
    top.sort(
        Comparator.comparingInt(Confusion::count)
            .reversed()
            .thenComparing(Confusion::gold)
            .thenComparing(Confusion::predicted));
    return new EvalMetrics(
        ratio(inScopeRight, inScope),
        ratio(oosCaught, oosGold),
        ratio(oosCaught, oosDecided),
        ratio(inScopeAnswered, inScope),
        ratio(inScopeAnsweredRight, inScopeAnswered),
        ratio(answeredRight, answered),
        goldLabels.isEmpty() ? null : Double.valueOf(f1Sum / goldLabels.size()),
        gold.isEmpty() ? null : Double.valueOf(ece),
        0,
        0,
        gold.size(),
        top.subList(0, Math.min(MAX_CONFUSIONS, top.size())));
  }

  private static Double ratio(int numerator, int denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }
}
