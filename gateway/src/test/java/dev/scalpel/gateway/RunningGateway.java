package dev.scalpel.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.gateway.config.ConfigLoader;
import dev.scalpel.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A gateway started from a configuration file for a test, with a plain HTTP client (the JDK's) and
 * a reader of its request log. Close it to stop the gateway.
 */
final class RunningGateway implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final Gateway gateway;
  private final GatewayConfig config;
  private final HttpClient http;
  private RequestLog reader;
  private boolean closed;

  private RunningGateway(Gateway gateway, GatewayConfig config) {
    this.gateway = gateway;
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  static RunningGateway start(Path configFile) {
    GatewayConfig config = ConfigLoader.create().load(configFile);
    return new RunningGateway(Gateway.start(config), config);
  }

  int port() {
    return gateway.port();
  }

  /** Reads the configuration file again, as SIGHUP does. */
  dev.scalpel.gateway.http.ReloadResult reload() {
    return gateway.reload();
  }

  Path dataDir() {
    return config.dataDir();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  HttpClient http() {
    return http;
  }

  /** A request to {@code path} with the test's API key. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + GatewayYaml.KEY);
  }

  HttpResponse<String> post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8))
            .build());
  }

  HttpResponse<String> post(String path, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  HttpResponse<String> chat(JsonNode body) {
    return post("/v1/chat/completions", body.toString());
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * The row logged for the response's {@code x-scalpel-request-id}, read through a second
   * connection to the live database (the gateway commits a row before it answers).
   */
  RequestRecord row(HttpResponse<?> response) {
    String id = response.headers().firstValue("x-scalpel-request-id").orElseThrow();
    return log()
        .find(id)
        .orElseThrow(() -> new AssertionError("no request log row for " + id + " in " + dataDir()));
  }

  synchronized RequestLog log() {
    if (closed) {
      throw new IllegalStateException("the gateway is closed; open the log with RequestLog.open");
    }
    if (reader == null) {
      reader = RequestLog.open(dataDir());
    }
    return reader;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (reader != null) {
        reader.close();
      }
    } finally {
      gateway.close();
      http.close();
    }
  }

  /** The response's header, failing the test when it is missing. */
  static String header(HttpResponse<?> response, String name) {
    return response
        .headers()
        .firstValue(name)
        .orElseThrow(
            () -> new AssertionError("no " + name + " header in " + response.headers().map()));
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not a JSON object: " + text, e);
    }
  }
}
