package dev.scalpel.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;

/** The JSON body of an OpenAI-shaped error. */
final class OpenAiErrors {
  private OpenAiErrors() {}

  static ObjectNode body(ApiException e) {
    ObjectNode error = Json.mapper().createObjectNode();
    error.put("message", e.getMessage());
    error.put("type", e.type());
    if (e.param() == null || e.param().isEmpty()) {
      error.putNull("param");
    } else {
      error.put("param", e.param());
    }
    if (e.code() == null || e.code().isEmpty()) {
      error.putNull("code");
    } else {
      error.put("code", e.code());
    }
    ObjectNode root = Json.mapper().createObjectNode();
    root.set("error", error);
    return root;
  }
}
