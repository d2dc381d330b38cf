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
    List<Slot> slots = new ArrayList<>();
    ObjectNode redacted = body.deepCopy();
    for (JsonNode message : redacted.path("messages")) {
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
    return protect(body, redacted, slots, lastUserText);
  }

  /** An embeddings body (its {@code input} string or strings) and its redacted twin. */
  public Guarded protectEmbeddings(ObjectNode body) {
    ObjectNode redacted = body.deepCopy();
    List<Slot> slots = new ArrayList<>();
    JsonNode input = redacted.get("input");
    if (input != null && input.isTextual()) {
      slots.add(new Field(redacted, "input"));
    } else if (input != null && input.isArray()) {
      ArrayNode items = (ArrayNode) input;
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).isTextual()) {
          slots.add(new Element(items, i));
        }
      }
    }
    return protect(body, redacted, slots, "");
  }

  private Guarded protect(ObjectNode raw, ObjectNode redacted, List<Slot> slots, String lastUser) {
    PiiSession session = redactor.newSession();
    if (redactor.types().isEmpty() || slots.isEmpty()) {
      return new Guarded(raw, raw, Set.of(), session, lastUser);
    }
    List<Redaction> results = session.redactAll(slots.stream().map(Slot::text).toList());
    Set<PiiType> found = EnumSet.noneOf(PiiType.class);
    for (int i = 0; i < slots.size(); i++) {
      Redaction r = results.get(i);
      r.entities().stream().map(PiiEntity::type).forEach(found::add);
      slots.get(i).set(r.text());
    }
    if (found.isEmpty()) {
      return new Guarded(raw, raw, Set.of(), session, lastUser);
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
