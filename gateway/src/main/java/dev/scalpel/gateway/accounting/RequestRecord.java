package dev.scalpel.gateway.accounting;

import dev.scalpel.core.route.Route;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One row of the request log: what one request was, how it was served and what it cost. Text fields
 * that do not apply (no specialist for a pass-through, no upstream for a local answer, no error)
 * are empty strings, never null; {@code confidence} is null when no specialist decided. {@code
 * time} is kept to the millisecond, as the log stores it. Build one with {@link #builder()}.
 *
 * @param id unique request id (the {@code x-scalpel-request-id})
 * @param time when the request arrived
 * @param apiKeyId id of the API key used (never the key itself); empty before authentication
 * @param route how the request was served
 * @param specialist the specialist whose verdict decided the route
 * @param modelVersion version of that specialist's model
 * @param label the label the specialist chose
 * @param confidence the specialist's calibrated confidence in [0, 1], or null
 * @param upstream name of the upstream tier that answered
 * @param upstreamModel the upstream model that answered
 * @param tokensIn prompt tokens
 * @param tokensOut completion tokens
 * @param costUsd what the request cost
 * @param counterfactualCostUsd what it would have cost on the default generalist
 * @param latencyMs time from arrival to the end of the response
 * @param status HTTP status returned to the client
 * @param error what went wrong, empty when nothing did
 * @param requestText the request's text, already redacted by the caller; may be empty
 * @param reason why the request was routed as it was; may be empty
 * @param conversation the request's messages as JSON, kept for requests handed off to a person
 *     (already redacted by the caller); empty otherwise
 */
public record RequestRecord(
    String id,
    Instant time,
    String apiKeyId,
    Route route,
    String specialist,
    String modelVersion,
    String label,
    Double confidence,
    String upstream,
    String upstreamModel,
    long tokensIn,
    long tokensOut,
    double costUsd,
    double counterfactualCostUsd,
    double latencyMs,
    int status,
    String error,
    String requestText,
    String reason,
    String conversation) {

  public RequestRecord {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("request id must not be blank (found '" + id + "')");
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(route, "route");
    time = time.truncatedTo(ChronoUnit.MILLIS);
    apiKeyId = orEmpty(apiKeyId);
    specialist = orEmpty(specialist);
    modelVersion = orEmpty(modelVersion);
    label = orEmpty(label);
    upstream = orEmpty(upstream);
    upstreamModel = orEmpty(upstreamModel);
    error = orEmpty(error);
    requestText = orEmpty(requestText);
    reason = orEmpty(reason);
    conversation = orEmpty(conversation);
    if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException(
          id + ": confidence must be in [0, 1], found " + confidence);
    }
    if (tokensIn < 0 || tokensOut < 0) {
      throw new IllegalArgumentException(
          id + ": token counts must be >= 0, found in=" + tokensIn + " out=" + tokensOut);
    }
    checkAmount(id, "costUsd", costUsd);
    checkAmount(id, "counterfactualCostUsd", counterfactualCostUsd);
    checkAmount(id, "latencyMs", latencyMs);
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException(
          id + ": status must be an HTTP status (100-599), found " + status);
    }
  }

  /** A builder with every text field empty, no confidence, zero counts and status 200. */
  public static Builder builder() {
    return new Builder();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void checkAmount(String id, String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          id + ": " + name + " must be finite and >= 0, found " + value);
    }
  }

  /** Builds a {@link RequestRecord}; {@code id}, {@code time} and {@code route} are required. */
  public static final class Builder {
    private String id;
    private Instant time;
    private String apiKeyId = "";
    private Route route;
    private String specialist = "";
    private String modelVersion = "";
    private String label = "";
    private Double confidence;
    private String upstream = "";
    private String upstreamModel = "";
    private long tokensIn;
    private long tokensOut;
    private double costUsd;
    private double counterfactualCostUsd;
    private double latencyMs;
    private int status = 200;
    private String error = "";
    private String requestText = "";
    private String reason = "";
    private String conversation = "";

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    public Builder apiKeyId(String apiKeyId) {
      this.apiKeyId = apiKeyId;
      return this;
    }

    public Builder route(Route route) {
      this.route = route;
      return this;
    }

    /** The deciding specialist, its model version, chosen label and confidence. */
    public Builder specialist(String specialist, String modelVersion, String label, double conf) {
      this.specialist = specialist;
      this.modelVersion = modelVersion;
      this.label = label;
      this.confidence = conf;
      return this;
    }

    /**
     * A label without a deciding specialist (for calls Scalpel makes itself, such as a teacher's).
     */
    public Builder label(String label) {
      this.label = label;
      return this;
    }

    /** The upstream tier and model that answered. */
    public Builder upstream(String upstream, String upstreamModel) {
      this.upstream = upstream;
      this.upstreamModel = upstreamModel;
      return this;
    }

    public Builder tokens(long tokensIn, long tokensOut) {
      this.tokensIn = tokensIn;
      this.tokensOut = tokensOut;
      return this;
    }

    /** What the request cost and what it would have cost on the default generalist. */
    public Builder cost(double costUsd, double counterfactualCostUsd) {
      this.costUsd = costUsd;
      this.counterfactualCostUsd = counterfactualCostUsd;
      return this;
    }

    public Builder latencyMs(double latencyMs) {
      this.latencyMs = latencyMs;
      return this;
    }

    public Builder status(int status) {
      this.status = status;
      return this;
    }

    public Builder error(String error) {
      this.error = error;
      return this;
    }

    /** The request's text, already redacted. */
    public Builder requestText(String requestText) {
      this.requestText = requestText;
      return this;
    }

    /** Why the request was routed as it was. */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /** The messages of a handed-off request, as JSON, already redacted. */
    public Builder conversation(String conversation) {
      this.conversation = conversation;
      return this;
    }

    public RequestRecord build() {
      return new RequestRecord(
          id,
          time,
          apiKeyId,
          route,
          specialist,
          modelVersion,
          label,
          confidence,
          upstream,
          upstreamModel,
          tokensIn,
          tokensOut,
          costUsd,
          counterfactualCostUsd,
          latencyMs,
          status,
          error,
          requestText,
          reason,
          conversation);
    }
  }
}
