package dev.scalpel.upstream.stub;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.upstream.TokenCounter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The stub's {@code /v1/embeddings} answers: small unit vectors (8 dimensions unless {@code
 * dimensions} asks for 1 to 64) drawn from a generator seeded by the text, so equal texts get equal
 * vectors.
 */
final class EmbeddingReplies {
  private static final int DEFAULT_DIMENSIONS = 8;
  private static final int MAX_DIMENSIONS = 64;

  private final TokenCounter counter;

  EmbeddingReplies(TokenCounter counter) {
    this.counter = counter;
  }

  /** The inputs as texts, or empty when {@code input} is neither a string nor an array of them. */
  static Optional<List<String>> inputs(JsonNode request) {
    JsonNode input = request.path("input");
    if (input.isTextual()) {
      return Optional.of(List.of(input.asText()));
    }
    if (!input.isArray() || input.isEmpty()) {
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : input) {
      if (!item.isTextual() && !item.isArray()) {
        return Optional.empty();
      }
      texts.add(item.isTextual() ? item.asText() : item.toString());
    }
    return Optional.of(texts);
  }

  static boolean validDimensions(JsonNode request) {
    JsonNode d = request.path("dimensions");
    return d.isMissingNode()
        || (d.canConvertToInt() && d.asInt() >= 1 && d.asInt() <= MAX_DIMENSIONS);
  }

  ObjectNode answer(JsonNode request, List<String> texts, String defaultModel) {
    int dimensions = request.path("dimensions").asInt(DEFAULT_DIMENSIONS);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("object", "list");
    ArrayNode data = root.putArray("data");
    int tokens = 0;
    for (int i = 0; i < texts.size(); i++) {
      ObjectNode item = data.addObject();
      item.put("object", "embedding");
      item.put("index", i);
      ArrayNode vector = item.putArray("embedding");
      for (double v : vector(texts.get(i), dimensions)) {
        vector.add(v);
      }
      tokens += counter.countText(texts.get(i));
    }
    String model = request.path("model").asText("");
    root.put("model", model.isBlank() ? defaultModel : model);
    root.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return root;
  }

  static double[] vector(String text, int dimensions) {
    SplittableRandom random = new SplittableRandom(Arrays.hashCode(text.getBytes(UTF_8)));
    double[] v = new double[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      v[i] = random.nextDouble(-1, 1);
      norm += v[i] * v[i];
    }
    double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
    for (int i = 0; i < dimensions; i++) {
      v[i] *= scale;
    }
    return v;
  }
}
