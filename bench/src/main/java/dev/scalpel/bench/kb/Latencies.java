package dev.scalpel.bench.kb;

import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.knowledge.KnowledgeBase;
import dev.scalpel.learn.eval.Evaluator;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/** Warm, single-threaded latencies of each kind of knowledge-base search, one query at a time. */
final class Latencies {
  private static final int K = 5;
  private static final int WARMUP_PASSES = 3;

  private Latencies() {}

  static List<KbResults.Latency> measure(
      KnowledgeBase base,
      SentenceEncoder encoder,
      List<String> texts,
      float[][] vectors,
      int rounds) {
    return List.of(
        time(
            "hybrid, query embedding given (the gateway's case)",
            texts.size(),
            rounds,
            i -> base.search(texts.get(i), vectors[i], K)),
        time("bm25 only", texts.size(), rounds, i -> base.lexical(texts.get(i), K)),
        time(
            "vector only, query embedding given",
            texts.size(),
            rounds,
            i -> base.semantic(vectors[i], K)),
        time("embedding the query alone", texts.size(), rounds, i -> encoder.embed(texts.get(i))),
        time(
            "hybrid, embedding the query (scalpel kb search)",
            texts.size(),
            rounds,
            i -> base.search(texts.get(i), K)));
  }

  private static KbResults.Latency time(String what, int count, int rounds, IntConsumer search) {
    for (int pass = 0; pass < WARMUP_PASSES; pass++) {
      for (int i = 0; i < count; i++) {
        search.accept(i);
      }
    }
    double[] millis = new double[count * rounds];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        search.accept(i);
        millis[round * count + i] = (System.nanoTime() - start) / 1e6;
      }
    }
    Arrays.sort(millis);
    return new KbResults.Latency(
        what, millis.length, Evaluator.percentile(millis, 0.5), Evaluator.percentile(millis, 0.99));
  }
}
