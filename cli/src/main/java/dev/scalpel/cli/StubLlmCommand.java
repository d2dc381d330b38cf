package dev.scalpel.cli;

import dev.scalpel.upstream.stub.StubLlm;
import dev.scalpel.upstream.stub.StubOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalpel stub-llm}: a small OpenAI-compatible LLM with deterministic replies, for trying
 * Scalpel.
 */
@Command(
    name = "stub-llm",
    mixinStandardHelpOptions = true,
    description = {
      "Run a small OpenAI-compatible LLM on loopback with deterministic replies and streaming, until Ctrl-C.",
      "Faults per request with the header x-stub-fault (connection_reset, server_error,"
          + " service_unavailable, rate_limited, malformed_body, hang, context_length_exceeded,"
          + " stream_break), delays with x-stub-latency-ms."
    })
final class StubLlmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8089",
      description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
  int port;

  @Option(
      names = "--latency-ms",
      defaultValue = "0",
      description = "Delay before every reply, in milliseconds.")
  long latencyMs;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    StubOptions options = StubOptions.defaults().withPort(port);
    if (latencyMs > 0) {
      options = options.withLatency(Duration.ofMillis(latencyMs));
    }
    StubLlm stub = StubLlm.start(options);
    out.println(
        "stub LLM listening on " + stub.baseUrl() + " (OpenAI-compatible). Stop with Ctrl-C.");
    out.flush();
    Foreground.runUntilStopped(stub::close);
    return 0;
  }
}
