package dev.scalpel.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.stub.StubLlm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that goes away in the middle of an escalated stream, or while it waits for a
 * non-streamed escalation, cancels the gateway's upstream call, and the request is logged as
 * cancelled by the client.
 */
@Timeout(60)
class ClientDisconnectTest {
  @TempDir Path dir;
  private StubLlm stub;
  private RunningGateway gateway;

  @BeforeEach
  void start() {
    stub = StubLlm.start();
    stub.faults().chunkDelay(Duration.ofMillis(300));
    gateway =
        RunningGateway.start(
            GatewayYaml.create()
                .withoutSpecialist()
                .tier("primary", stub.baseUrl(), "gpt-4o", "10s", 0)
                .write(dir));
  }

  @AfterEach
  void stop() {
    gateway.close();
    stub.close();
  }

  @Test
  void aClientThatLeavesMidStreamCancelsTheUpstreamStream() throws Exception {
    String id = readFirstChunkThenHangUp();

    assertThat(awaitAbandonedStreams()).as("upstream streams the gateway abandoned").isEqualTo(1);
    assertThat(stub.requests()).hasSize(1);
    RequestRecord row = awaitRow(id);
    assertThat(row.upstream()).isEqualTo("primary");
    assertThat(row.error()).isNotEmpty();
  }

  @Test
  void aClientThatLeavesMidStreamIsLoggedAsClientClosed() throws Exception {
    String id = readFirstChunkThenHangUp();

    RequestRecord row = awaitRow(id);
    assertThat(row.status()).isEqualTo(499);
    assertThat(row.error()).isEqualTo("the client closed the connection");
  }

  private static byte[] head(int contentLength) {
    return ("POST /v1/chat/completions HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\n"
            + "Authorization: Bearer "
            + GatewayYaml.KEY
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + contentLength
            + "\r\n\r\n")
        .getBytes(UTF_8);
  }

  /** Sends a streamed request over a raw socket, reads the headers and one event, closes. */
  private String readFirstChunkThenHangUp() throws IOException {
    String body =
        Bodies.streamed("scalpel", "one two three four five six seven eight nine ten", false)
            .toString();
    byte[] bytes = body.getBytes(UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head(bytes.length));
      out.write(bytes);
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
      String status = in.readLine();
      assertThat(status).isEqualTo("HTTP/1.1 200 OK");
      String id = null;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.toLowerCase(Locale.ROOT).startsWith("x-scalpel-request-id:")) {
          id = line.substring(line.indexOf(':') + 1).strip();
        }
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.contains("data: {")) {
          break;
        }
      }
      assertThat(id).isNotNull();
      return id;
    }
  }

  private int awaitAbandonedStreams() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (stub.abandonedStreams() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return stub.abandonedStreams();
  }

  private RequestRecord awaitRow(String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Optional<RequestRecord> row = gateway.log().find(id);
      if (row.isPresent()) {
        return row.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no log row for " + id + " within 10 s");
  }
}
