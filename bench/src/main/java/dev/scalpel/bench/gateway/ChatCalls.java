package dev.scalpel.bench.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

/**
 * Chat-completion requests as {@link Call}s: the same bodies can be sent to the stub directly or to
 * the gateway. An answer is as expected when its status is 200, its {@code x-scalpel-route} header
 * is the expected one (none when calling the stub), and its body is complete.
 */
final class ChatCalls {
  static final String API_KEY = "sk-bench";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private ChatCalls() {}

  /** Non-streaming completions: the latency is the time to the whole body. */
  static Call completion(URI url, List<String> bodies, String expectedRoute, RouteTally tally) {
    List<HttpRequest> requests = requests(url, bodies);
    return (client, sequence) -> {
      HttpRequest request = requests.get((int) (sequence % requests.size()));
      long start = System.nanoTime();
      HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
      long nanos = System.nanoTime() - start;
      String route = route(response);
      tally.count(route);
      boolean expected =
          response.statusCode() == 200
              && route.equals(expectedRoute)
              && response.body().contains("\"chat.completion\"");
      return new Call.Outcome(nanos, nanos, response.statusCode(), expected);
    };
  }

  /**
   * Streamed completions: the first latency is the time until the first {@code data:} line has been
   * read, the second the time until the stream has ended; a stream is complete when it ends with
   * {@code data: [DONE]}.
   */
  static Call stream(URI url, List<String> bodies, String expectedRoute, RouteTally tally) {
    List<HttpRequest> requests = requests(url, bodies);
    return (client, sequence) -> {
      HttpRequest request = requests.get((int) (sequence % requests.size()));
      long start = System.nanoTime();
      HttpResponse<InputStream> response = client.send(request, BodyHandlers.ofInputStream());
      String route = route(response);
      tally.count(route);
      long first = -1;
      boolean done = false;
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.startsWith("data:")) {
            continue;
          }
          if (first < 0) {
            first = System.nanoTime() - start;
          }
          done = line.equals("data: [DONE]");
        }
      }
      long total = System.nanoTime() - start;
      boolean expected =
          response.statusCode() == 200 && route.equals(expectedRoute) && first >= 0 && done;
      return new Call.Outcome(first < 0 ? total : first, total, response.statusCode(), expected);
    };
  }

  private static List<HttpRequest> requests(URI url, List<String> bodies) {
    if (bodies.isEmpty()) {
      throw new IllegalArgumentException("no request bodies for " + url);
    }
    return bodies.stream()
        .map(b ->
            HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(b, UTF_8))
                .build())
        .toList();
  }

  private static String route(HttpResponse<?> response) {
    return response.headers().firstValue("x-scalpel-route").orElse("");
  }
}
