package dev.scalpel.bench.kb;

import java.util.List;
import java.util.Map;

/**
 * Everything one knowledge-base benchmark run measured, written as kb-retrieval.json and rendered
 * as kb-retrieval.md.
 *
 * @param header command, date, machine, load, corpus and question counts
 * @param indexing time to build the index from the folder, cold (no embedding cache)
 * @param retrieval recall per retriever, queries embedded as they come (as the gateway does)
 * @param withInstruction the same with bge's query instruction prepended before embedding
 * @param rankConstants hybrid recall for other reciprocal-rank-fusion constants (for information:
 *     chosen on these same questions it would be overfitted)
 * @param latency warm search latencies
 * @param gate how the best passage's cosine separates knowledge-base questions from out-of-scope
 *     texts
 * @param hybridMisses questions whose answer hybrid search did not put in its top 5
 */
record KbResults(
    Map<String, Object> header,
    Indexing indexing,
    List<Scores> retrieval,
    List<Scores> withInstruction,
    List<Scores> rankConstants,
    List<Latency> latency,
    List<GatePoint> gate,
    List<Miss> hybridMisses) {

  /** Index build times over several runs. */
  record Indexing(
      int documents, int passages, int runs, double medianSeconds, double embedOnlySeconds) {}

  /** Recall of one retriever: share of questions whose answer is at rank 1, in the top 5. */
  record Scores(String mode, int questions, double recallAt1, double recallAt5, double mrrAt5) {}

  /** Nearest-rank percentiles of one kind of search, in milliseconds. */
  record Latency(String what, int samples, double p50Ms, double p99Ms) {}

  /**
   * Answering from the knowledge base only when the best passage's cosine reaches {@code
   * threshold}: the share of KB questions answered, the share of those answered with the right
   * passage, and the share of out-of-scope texts that would be answered.
   */
  record GatePoint(
      double threshold, double kbAnswered, double kbAnsweredRight, double oosAnswered) {}

  /** A question hybrid search missed, and what it returned first. */
  record Miss(String question, String expected, String got) {}
}
