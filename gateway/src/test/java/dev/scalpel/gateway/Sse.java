package dev.scalpel.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A server-sent event stream as a client reads it: events with an optional name and their data. */
record Sse(List<Event> events) {
  /** One event; {@code name} is empty for plain {@code data:} events. */
  record Event(String name, String data) {
    ObjectNode json() {
      return RunningGateway.json(data);
    }
  }

  Sse {
    events = List.copyOf(events);
  }

  /** Parses an event stream; fails on a line that is neither a field nor a blank separator. */
  static Sse parse(String body) {
    List<Event> events = new ArrayList<>();
    String name = "";
    StringBuilder data = null;
    for (String line : body.split("\n", -1)) {
      if (line.isEmpty()) {
        if (data != null) {
          events.add(new Event(name, data.toString()));
        }
        name = "";
        data = null;
      } else if (line.startsWith("event: ")) {
        name = line.substring("event: ".length());
      } else if (line.startsWith("data: ")) {
        String value = line.substring("data: ".length());
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      } else {
        throw new AssertionError("not an SSE line: '" + line + "' in:\n" + body);
      }
    }
    if (data != null) {
      throw new AssertionError("the stream ends inside an event:\n" + body);
    }
    return new Sse(events);
  }

  /** The {@code data:} payloads of the unnamed events, in order. */
  List<String> data() {
    return events.stream().filter(e -> e.name().isEmpty()).map(Event::data).toList();
  }

  /** The JSON chunks: every unnamed event but {@code [DONE]}. */
  List<ObjectNode> chunks() {
    return events.stream()
        .filter(e -> e.name().isEmpty() && !e.data().equals("[DONE]"))
        .map(Event::json)
        .toList();
  }

  /** The text of the chunks' deltas, joined. */
  String content() {
    StringBuilder text = new StringBuilder();
    for (ObjectNode chunk : chunks()) {
      chunk.path("choices").forEach(c -> text.append(c.path("delta").path("content").asText("")));
    }
    return text.toString();
  }
}
