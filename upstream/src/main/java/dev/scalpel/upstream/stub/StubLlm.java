package dev.scalpel.upstream.stub;

import java.net.URI;
import java.util.List;

/**
 * A small OpenAI-compatible LLM server with deterministic answers and switchable faults, for trying
 * Scalpel without an LLM ({@code scalpel stub-llm --port N}), for tests and for benchmarks.
 *
 * <p>It serves {@code POST /v1/chat/completions} (non-streaming, and SSE streaming with one chunk
 * per word, a usage chunk when {@code stream_options.include_usage} is true, then {@code data:
 * [DONE]}), {@code POST /v1/embeddings} and {@code GET /v1/models}. Faults are switched with {@link
 * #faults()} or per request with the {@code x-stub-fault} header; {@code x-stub-latency-ms} delays
 * one answer.
 *
 * <pre>{@code
 * try (StubLlm stub = StubLlm.start()) {
 *   stub.faults().set(Fault.SERVER_ERROR, 2);   // the next two requests get a 500
 *   URI baseUrl = stub.baseUrl();                // http://127.0.0.1:<port>/v1
 * }
 * }</pre>
 */
public interface StubLlm extends AutoCloseable {
  /** Starts on a free loopback port with {@link StubOptions#defaults()}. */
  static StubLlm start() {
    return start(StubOptions.defaults());
  }

  /** Starts on {@code port} of the loopback interface (0 picks a free port). */
  static StubLlm start(int port) {
    return start(StubOptions.defaults().withPort(port));
  }

  static StubLlm start(StubOptions options) {
    return JavalinStubLlm.start(options);
  }

  /** The port it listens on. */
  int port();

  /** The API root for a tier's base URL, such as {@code http://127.0.0.1:8089/v1}. */
  URI baseUrl();

  /** Switches faults and timing. */
  StubFaults faults();

  /** The requests received so far, oldest first (up to the record limit). */
  List<RecordedRequest> requests();

  void clearRequests();

  /** How many streams were cut short because their client went away. */
  int abandonedStreams();

  /** Stops listening, ending hangs and delays at once; idempotent. */
  @Override
  void close();
}
