package dev.scalpel.gateway;

import static dev.scalpel.gateway.RunningGateway.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.StubLlm;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fault-table tests share: two stub upstreams with switchable faults, a gateway started
 * per case without a specialist (every request to {@code scalpel} escalates), and the one log row a
 * case leaves.
 */
abstract class FaultCase {
  static final String TEXT = "My parcel never arrived";
  static final String ANSWER = "Stub answer to: " + TEXT;

  static StubLlm first;
  static StubLlm second;

  @TempDir Path dir;
  RunningGateway gateway;

  @BeforeAll
  static void startStubs() {
    first = StubLlm.start();
    second = StubLlm.start();
  }

  @AfterAll
  static void stopStubs() {
    first.close();
    second.close();
  }

  @BeforeEach
  void resetStubs() {
    for (StubLlm stub : List.of(first, second)) {
      stub.faults().clear();
      stub.faults().hangFor(Duration.ofSeconds(5));
      stub.faults().streamBreakAfter(2);
      stub.clearRequests();
    }
  }

  @AfterEach
  void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  void startWithBothTiers(int retries) {
    start(
        GatewayYaml.create()
            .withoutSpecialist()
            .tier("primary", first.baseUrl(), "gpt-4o", "2s", retries)
            .tier("secondary", second.baseUrl(), "gpt-4o-mini", "2s", retries));
  }

  void startWithOneTier(int retries) {
    start(
        GatewayYaml.create()
            .withoutSpecialist()
            .tier("primary", first.baseUrl(), "gpt-4o", "2s", retries));
  }

  void start(GatewayYaml yaml) {
    gateway = RunningGateway.start(yaml.write(dir));
  }

  /** Stops the gateway and returns the only row of its log, which must be this response's. */
  RequestRecord onlyRow(HttpResponse<?> response) {
    String id = header(response, "x-scalpel-request-id");
    gateway.close();
    try (RequestLog log = RequestLog.open(dir.resolve("data"))) {
      assertThat(log.count()).as("rows in the request log").isEqualTo(1);
      return log.find(id).orElseThrow(() -> new AssertionError("no row for " + id));
    }
  }

  HttpResponse<String> ask() {
    return gateway.chat(Bodies.chat("scalpel", TEXT));
  }
}
