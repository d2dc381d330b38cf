package dev.scalpel.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;

/** Chat-completions request bodies for the tests. */
final class Bodies {
  private Bodies() {}

  /** {@code {"model": model, "messages": [{"role": "user", "content": text}]}}. */
  static ObjectNode chat(String model, String text) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", model);
    body.putArray("messages").addObject().put("role", "user").put("content", text);
    return body;
  }

  /** The same request, streamed; with {@code stream_options.include_usage} when asked. */
  static ObjectNode streamed(String model, String text, boolean includeUsage) {
    ObjectNode body = chat(model, text);
    body.put("stream", true);
    if (includeUsage) {
      body.putObject("stream_options").put("include_usage", true);
    }
    return body;
  }
}
