package dev.scalpel.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.gateway.config.GuardConfig;
import dev.scalpel.guard.pii.PiiEntity;
import dev.scalpel.guard.pii.PiiRedactor;
import dev.scalpel.guard.pii.PiiSession;
import dev.scalpel.guard.pii.PiiType;
import dev.scalpel.guard.pii.Redaction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Redacts personal data before a request is routed, logged or sent upstream: every text of every
 * message (all roles, string contents and text parts) of a chat request, or every input string of
 * an embeddings request, in one numbering per request. Thread-safe.
 */
public final class PiiGuard {
  private final PiiRedactor redactor;

  private PiiGuard(PiiRedactor redactor) {
    this.redactor = redactor;
  }

  public static PiiGuard create(GuardConfig config) {
    return new PiiGuard(PiiRedactor.create(config.piiTypes(), config.phoneRegions()));
  }

  /** A chat-completions body and its redacted twin; {@code lastUserText} is redacted as well. */
  public Guarded protectChat(ObjectNode body, String lastUserText) {
    return protect(body, PiiGuard::chatTexts, lastUserText);
  }

  /** An embeddings body (its {@code input} string or strings) and its redacted twin. */
  public Guarded protectEmbeddings(ObjectNode body) {
    return protect(body, PiiGuard::embeddingTexts, "");
  }

  /** Every text of every message: string contents and text parts. */
  private static List<Slot> chatTexts(ObjectNode body) {
    List<Slot> slots = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      JsonNode content = message.get("content");
      if (content != null && content.isTextual()) {
        slots.add(new Field((ObjectNode) message, "content"));
      } else if (content != null && content.isArray()) {
        for (JsonNode part : content) {
          if (part.isObject()
              && "text".equals(part.path("type").asText())
              && part.path("text").isTextual()) {
            slots.add(new Field((ObjectNode) part, "text"));
          }
        }
      }
    }
    return slots;
  }

  /** The {@code input} string, or every string of the {@code input} list. */
  private static List<Slot> embeddingTexts(ObjectNode body) {
    List<Slot> slots = new ArrayList<>();
    JsonNode input = body.get("input");
    if (input != null && input.isTextual()) {
      slots.add(new Field(body, "input"));
    } else if (input != null && input.isArray()) {
      ArrayNode items = (ArrayNode) input;
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).isTextual()) {
          slots.add(new Element(items, i));
        }
      }
    }
    return slots;
  }

  private Guarded protect(ObjectNode raw, Function<ObjectNode, List<Slot>> texts, String lastUser) {
    PiiSession session = redactor.newSession();
    List<Slot> slots = texts.apply(raw);
    if (redactor.types().isEmpty() || slots.isEmpty()) {
      return new Guarded(raw, raw, Set.of(), session, lastUser);
    }
    List<Redaction> results = session.redactAll(slots.stream().map(Slot::text).toList());
    Set<PiiType> found = EnumSet.noneOf(PiiType.class);
    results.forEach(r -> r.entities().stream().map(PiiEntity::type).forEach(found::add));
    if (found.isEmpty()) {
      // Most requests hold no personal data: no copy of the body is made for them.
      return new Guarded(raw, raw, Set.of(), session, lastUser);
    }
    ObjectNode redacted = raw.deepCopy();
    List<Slot> copies = texts.apply(redacted);
    for (int i = 0; i < copies.size(); i++) {
      copies.get(i).set(results.get(i).text());
    }
    // Redacting again within the session reuses the placeholders the messages already got.
    return new Guarded(raw, redacted, found, session, session.redact(lastUser).text());
  }

  /** One text inside a request body. */
  private sealed interface Slot {
    String text();

    void set(String text);
  }

  private record Field(ObjectNode node, String name) implements Slot {
    @Override
    public String text() {
      return node.get(name).asText();
    }

    @Override
    public void set(String text) {
      node.put(name, text);
    }
  }

  private record Element(ArrayNode array, int index) implements Slot {
    @Override
    public String text() {
      return array.get(index).asText();
    }

    @Override
    public void set(String text) {
      array.set(index, text);
    }
  }
}
