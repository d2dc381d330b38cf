package dev.scalpel.gateway.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.core.route.Route;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.RequestRecord;
import dev.scalpel.upstream.Cancellation;
import dev.scalpel.upstream.Tier;
import dev.scalpel.upstream.UpstreamOutcome;
import dev.scalpel.upstream.Upstreams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Teacher labeling: asks a generalist tier to pick, for batches of review items, one label of the
 * specialist's label set, {@code none} (out of scope) or {@code new: <name>}, answering in JSON
 * ({@code response_format: json_object}). Answers are checked strictly: a label outside those
 * choices, an item number that does not exist or repeats, or a body that is not the asked-for JSON
 * is rejected and counted, never stored. Accepted answers become proposals in the {@link
 * ReviewQueue}; every call is accounted in the request log like any request (route {@code
 * escalated}, API key id {@link ReviewQueue#TEACHER_KEY_ID}, label {@value #ACCOUNTING_LABEL}), so
 * {@code scalpel usage} includes its cost.
 */
public final class Teacher {
  /** The label of the teacher's rows in the request log. */
  public static final String ACCOUNTING_LABEL = "review-teach";

  private final Upstreams upstreams;
  private final Tier tier;
  private final Set<String> labels;
  private final ReviewQueue queue;
  private final RequestLog log;
  private final int batch;
  private final Clock clock;

  private Teacher(
      Upstreams upstreams,
      Tier tier,
      Set<String> labels,
      ReviewQueue queue,
      RequestLog log,
      int batch,
      Clock clock) {
    this.upstreams = upstreams;
    this.tier = tier;
    this.labels = labels;
    this.queue = queue;
    this.log = log;
    this.batch = batch;
    this.clock = clock;
  }

  /**
   * A teacher calling {@code tier} with batches of {@code batch} texts, choosing among {@code
   * labels} (the specialist's labels, without its out-of-scope label).
   */
  public static Teacher create(
      Upstreams upstreams,
      Tier tier,
      List<String> labels,
      ReviewQueue queue,
      RequestLog log,
      int batch) {
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a teacher needs at least one label to choose from");
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, found " + batch);
    }
    return new Teacher(
        upstreams, tier, new LinkedHashSet<>(labels), queue, log, batch, Clock.systemUTC());
  }

  /** Asks the teacher about {@code items}, in batches, stopping at the first failed call. */
  public TeachReport teach(List<ReviewItem> items) {
    Tally tally = new Tally();
    for (int from = 0; from < items.size() && tally.failure.isEmpty(); from += batch) {
      ask(items.subList(from, Math.min(items.size(), from + batch)), tally);
    }
    return new TeachReport(
        tally.labeled,
        tally.rejected,
        tally.unanswered,
        tally.calls,
        tally.tokensIn,
        tally.tokensOut,
        tally.cost,
        tally.failure);
  }

  private void ask(List<ReviewItem> items, Tally tally) {
    Instant start = clock.instant();
    UpstreamOutcome outcome =
        upstreams.complete(
            List.of(tier),
            request(items),
            start.plus(tier.requestTimeout().multipliedBy(tier.maxRetries() + 1L)),
            Cancellation.create());
    tally.calls++;
    RequestRecord.Builder row =
        RequestRecord.builder()
            .id("review-teach-" + UUID.randomUUID())
            .time(start)
            .apiKeyId(ReviewQueue.TEACHER_KEY_ID)
            .route(Route.ESCALATED)
            .upstream(tier.name(), tier.model())
            .reason("teacher labeling of " + items.size() + " review items");
    switch (outcome) {
      case UpstreamOutcome.Completed done -> {
        double cost = done.cost();
        tally.tokensIn += done.usage().promptTokens();
        tally.tokensOut += done.usage().completionTokens();
        tally.cost += cost;
        log.append(
            labeled(row)
                .tokens(done.usage().promptTokens(), done.usage().completionTokens())
                .cost(cost, cost)
                .latencyMs(millisSince(start))
                .build());
        record(items, done.response(), tally);
      }
      case UpstreamOutcome.Failed failed -> {
        tally.failure = "tier '" + tier.name() + "' failed (" + failed.error().message() + ")";
        log.append(
            labeled(row)
                .status(failed.status())
                .error(failed.error().message())
                .latencyMs(millisSince(start))
                .build());
      }
      case UpstreamOutcome.StreamBroken broken ->
          throw new IllegalStateException("a non-streaming call reported a broken stream");
      case UpstreamOutcome.Cancelled cancelled -> tally.failure = "cancelled";
    }
  }

  private static RequestRecord.Builder labeled(RequestRecord.Builder row) {
    // The label column groups `scalpel usage --by label`; no specialist decided these calls.
    return row.label(ACCOUNTING_LABEL);
  }

  private double millisSince(Instant start) {
    return Math.max(0, Duration.between(start, clock.instant()).toNanos() / 1e6);
  }

  private ObjectNode request(List<ReviewItem> items) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", tier.model());
    body.put("temperature", 0);
    body.putObject("response_format").put("type", "json_object");
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", systemPrompt());
    ObjectNode texts = Json.mapper().createObjectNode();
    ArrayNode requests = texts.putArray("requests");
    for (int i = 0; i < items.size(); i++) {
      requests.addObject().put("i", i + 1).put("text", items.get(i).text());
    }
    messages.addObject().put("role", "user").put("content", texts.toString());
    return body;
  }

  String systemPrompt() {
    return "You label user requests for an intent classifier. For each numbered request, choose"
        + " exactly one label from this set: "
        + String.join(", ", labels)
        + ". Answer \"none\" when no label fits and the request is out of scope, or \"new: <name>\""
        + " (a short snake_case name) when the request is a clear, recurring intent the set lacks."
        + " Answer with JSON only, one entry per request: "
        + "{\"labels\": [{\"i\": 1, \"label\": \"<one of the set>|none|new: <name>\"}]}";
  }

  private void record(List<ReviewItem> items, JsonNode response, Tally tally) {
    String content = response.path("choices").path(0).path("message").path("content").asText("");
    JsonNode answer;
    try {
      answer = Json.mapper().readTree(content);
    } catch (JsonProcessingException e) {
      answer = null;
    }
    JsonNode entries = answer == null ? null : answer.get("labels");
    if (entries == null || !entries.isArray()) {
      tally.rejected += 1;
      tally.unanswered += items.size();
      return;
    }
    Set<Integer> answered = new HashSet<>();
    String model = response.path("model").asText(tier.model());
    for (JsonNode entry : entries) {
      JsonNode i = entry.get("i");
      JsonNode label = entry.get("label");
      if (i == null
          || !i.canConvertToInt()
          || !i.isIntegralNumber()
          || i.intValue() < 1
          || i.intValue() > items.size()
          || answered.contains(i.intValue())
          || label == null
          || !label.isTextual()) {
        tally.rejected++;
        continue;
      }
      Optional<String> accepted = accept(label.textValue());
      if (accepted.isEmpty()) {
        tally.rejected++;
        continue;
      }
      answered.add(i.intValue());
      queue.recordTeacher(items.get(i.intValue() - 1), accepted.get(), model);
      tally.labeled++;
    }
    tally.unanswered += items.size() - answered.size();
  }

  /** The canonical label for a teacher's answer, if it is one of the allowed choices. */
  Optional<String> accept(String answer) {
    String a = answer.strip();
    if (labels.contains(a)) {
      return Optional.of(a);
    }
    if (a.toLowerCase(Locale.ROOT).equals("none")) {
      return Optional.of(ReviewLabels.OOS);
    }
    if (a.regionMatches(true, 0, ReviewLabels.NEW_PREFIX, 0, ReviewLabels.NEW_PREFIX.length())) {
      return ReviewLabels.canonical(a);
    }
    return Optional.empty();
  }

  /** Counts of one run. */
  private static final class Tally {
    int labeled;
    int rejected;
    int unanswered;
    int calls;
    long tokensIn;
    long tokensOut;
    double cost;
    String failure = "";
  }

  /** The labels offered, in order. */
  public List<String> labels() {
    return new ArrayList<>(labels);
  }
}
