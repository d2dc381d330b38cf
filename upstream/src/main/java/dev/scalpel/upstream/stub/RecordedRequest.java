package dev.scalpel.upstream.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.scalpel.core.io.Json;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request the stub received, for assertions. Header names are lower case. */
public record RecordedRequest(
    String method, String path, Map<String, String> headers, String body) {
  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** The header's value, by case-insensitive name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The body as JSON, or a missing node when it is not JSON. */
  public JsonNode json() {
    try {
      JsonNode node = Json.mapper().readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
