package dev.scalpel.guard.pii;

import java.util.List;

/**
 * The placeholders of one request. Numbering is per type and shared by every text redacted in the
 * session, and the same value gets the same placeholder each time it appears (card and phone
 * numbers compared by their digits, e-mail addresses ignoring case). Not thread-safe: one request
 * at a time.
 */
public interface PiiSession {
  /** Redacts one text, continuing this session's numbering. */
  Redaction redact(String text);

  /**
   * Redacts texts in order, for example every message of a chat request, one result per text.
   * Placeholder-like text already present in any of them (a literal {@code [EMAIL_1]}) is never
   * issued, so restoring cannot mistake it for a placeholder of ours.
   */
  List<Redaction> redactAll(List<String> texts);

  /**
   * {@code answer} with every placeholder this session issued replaced by the original value it
   * stands for (the first spelling seen). Placeholders it did not issue are left as they are.
   */
  String restore(String answer);

  /** How many distinct values this session has replaced so far. */
  int size();
}
