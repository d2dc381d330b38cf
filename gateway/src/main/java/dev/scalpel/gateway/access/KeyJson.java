package dev.scalpel.gateway.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.http.ApiException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Keys in the admin API's JSON: a {@link KeyInfo} out ({@code id, object, name, scope, prefix,
 * created, budget_usd, period, rpm, tpm}; null where there is no budget or limit), a {@link
 * KeyRequest} in ({@code name}, optional {@code scope}, {@code budget_usd} with {@code period},
 * {@code rpm}, {@code tpm}). A bad request body is a 400 naming the field.
 */
final class KeyJson {
  private static final Set<String> FIELDS =
      Set.of("name", "scope", "budget_usd", "period", "rpm", "tpm");

  private KeyJson() {}

  static ObjectNode write(KeyInfo key) {
    ObjectNode node =
        Json.mapper()
            .createObjectNode()
            .put("id", key.id())
            .put("object", "api_key")
            .put("name", key.name())
            .put("scope", key.scope().wireName())
            .put("prefix", key.prefix())
            .put("created", key.created().getEpochSecond());
    switch (key.budget()) {
      case Budget.Unlimited u -> node.putNull("budget_usd").putNull("period");
      case Budget.Limited l -> node.put("budget_usd", l.usd()).put("period", l.period().wireName());
    }
    limit(node, "rpm", key.limits().requestsPerMinute());
    limit(node, "tpm", key.limits().tokensPerMinute());
    return node;
  }

  static KeyRequest read(byte[] body) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid(
          "", "the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.invalid("", "the request body could not be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw ApiException.invalid(
          "", "expected a JSON object such as {\"name\": \"ci\", \"scope\": \"inference\"}");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ApiException.invalid(
            name,
            "unknown field '"
                + name
                + "' (expected "
                + String.join(", ", FIELDS.stream().sorted().toList())
                + ")");
      }
    }
    String name = text(root, "name", true);
    String scopeName = text(root, "scope", false);
    Scope scope = Scope.INFERENCE;
    if (scopeName != null) {
      try {
        scope = Scope.fromWire(scopeName);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("scope", e.getMessage());
      }
    }
    Budget budget = budget(root);
    RateLimits limits = new RateLimits(positive(root, "rpm"), positive(root, "tpm"));
    try {
      return new KeyRequest(name, scope, budget, limits);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("name", e.getMessage());
    }
  }

  private static Budget budget(JsonNode root) {
    JsonNode usd = present(root, "budget_usd");
    String period = text(root, "period", false);
    if (usd == null && period == null) {
      return Budget.UNLIMITED;
    }
    if (usd == null) {
      throw ApiException.invalid("budget_usd", "period goes with budget_usd; add budget_usd");
    }
    if (period == null) {
      throw ApiException.invalid("period", "budget_usd needs a period: day, month or total");
    }
    if (!usd.isNumber()) {
      throw ApiException.invalid("budget_usd", "expected a number of USD, found " + usd);
    }
    Period p;
    try {
      p = Period.fromWire(period);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("period", e.getMessage());
    }
    try {
      return Budget.usd(usd.asDouble(), p);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("budget_usd", e.getMessage());
    }
  }

  private static long positive(JsonNode root, String field) {
    JsonNode node = present(root, field);
    if (node == null) {
      return 0;
    }
    if (!node.canConvertToLong()
        || !node.isIntegralNumber()
        || node.asLong() < 1
        || node.asLong() > RateLimits.MAX_PER_MINUTE) {
      throw ApiException.invalid(
          field,
          "expected a whole number from 1 to "
              + RateLimits.MAX_PER_MINUTE
              + " per minute, found "
              + node);
    }
    return node.asLong();
  }

  private static String text(JsonNode root, String field, boolean required) {
    JsonNode node = present(root, field);
    if (node == null) {
      if (required) {
        throw ApiException.invalid(field, "you must provide " + field + " (a string)");
      }
      return null;
    }
    if (!node.isTextual()) {
      throw ApiException.invalid(field, "expected a string, found " + node);
    }
    return node.asText();
  }

  /** The field's value, or null when it is absent or JSON null. */
  private static JsonNode present(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node == null || node.isNull() ? null : node;
  }

  private static void limit(ObjectNode node, String field, long perMinute) {
    if (perMinute == 0) {
      node.putNull(field);
    } else {
      node.put(field, perMinute);
    }
  }
}
