package dev.scalpel.gateway.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the review queue: every escalated or handed-off request with the same normalized
 * text (lower case, whitespace collapsed), how often and when it came, what the specialist proposed
 * the last time, why it was not answered locally, and what was decided about it so far.
 *
 * @param id the short stable id the CLI shows (first 10 hex digits of the SHA-256 of the key)
 * @param key the normalized text
 * @param text the most recent request's text as stored (redacted unless raw storage was chosen)
 * @param specialist the specialist that decided the most recent request, or empty
 * @param proposedLabel that specialist's label for it (the "proposed label"), or empty
 * @param confidence its confidence, or null
 * @param reasons the distinct reasons for the route, most recent first
 * @param status {@code open}, {@code proposed} (a teacher answered), {@code labeled} or {@code
 *     skipped}
 * @param label the decided label (the teacher's while proposed), or empty
 * @param source {@code teacher}, {@code person} or {@code both}, or empty
 * @param decidedAt when the label, the teacher's answer or the skip was recorded, or null
 */
public record ReviewItem(
    String id,
    String key,
    String text,
    long count,
    Instant firstSeen,
    Instant lastSeen,
    String specialist,
    String proposedLabel,
    Double confidence,
    List<String> reasons,
    String status,
    String label,
    String source,
    String teacherLabel,
    String teacherModel,
    String personLabel,
    String decidedBy,
    String note,
    Instant decidedAt) {
  public ReviewItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (count < 1) {
      throw new IllegalArgumentException(id + ": count must be >= 1, found " + count);
    }
    text = orEmpty(text);
    specialist = orEmpty(specialist);
    proposedLabel = orEmpty(proposedLabel);
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(status, "status");
    label = orEmpty(label);
    source = orEmpty(source);
    teacherLabel = orEmpty(teacherLabel);
    teacherModel = orEmpty(teacherModel);
    personLabel = orEmpty(personLabel);
    decidedBy = orEmpty(decidedBy);
    note = orEmpty(note);
  }

  /** Whether a person labeled or skipped it: it leaves the default list. */
  public boolean done() {
    return status.equals(ReviewQueue.LABELED) || status.equals(ReviewQueue.SKIPPED);
  }

  /** When it was last decided about, if ever. */
  public Optional<Instant> decision() {
    return Optional.ofNullable(decidedAt);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
