package dev.scalpel.guard.pii;

import java.util.List;
import java.util.Set;

/**
 * Finds personal data and secrets in texts and replaces them with typed placeholders ({@code
 * [EMAIL_1]}, {@code [CREDIT_CARD_1]}). A redactor is immutable and thread-safe; the numbering of
 * placeholders lives in a {@link PiiSession}, one per request:
 *
 * <pre>{@code
 * PiiRedactor redactor = PiiRedactor.create(EnumSet.allOf(PiiType.class));
 * PiiSession session = redactor.newSession();
 * List<Redaction> redacted = session.redactAll(messageTexts); // all roles, one numbering
 * String answer = session.restore(upstreamAnswer);            // originals back in
 * }</pre>
 *
 * <p>Rules per type, the near misses they reject and the known limits are in docs/guard.md.
 */
public interface PiiRedactor {
  /** The regions whose national phone formats are recognized when none are given. */
  List<String> DEFAULT_PHONE_REGIONS = List.of("US");

  /**
   * A redactor for {@code types}; phone numbers written without a country code are read as numbers
   * of the {@link #DEFAULT_PHONE_REGIONS}.
   */
  static PiiRedactor create(Set<PiiType> types) {
    return create(types, DEFAULT_PHONE_REGIONS);
  }

  /**
   * A redactor for {@code types}; phone numbers written without a country code (such as {@code
   * (415) 555-2671}) are recognized when they are valid in one of {@code phoneRegions} (two-letter
   * ISO 3166 codes). Numbers with a country code ({@code +44 20 7946 0958}, {@code 0049 30 901820})
   * are recognized whatever the regions.
   *
   * @throws IllegalArgumentException if a region is unknown to libphonenumber
   */
  static PiiRedactor create(Set<PiiType> types, List<String> phoneRegions) {
    return DefaultPiiRedactor.create(types, phoneRegions);
  }

  /** The types this redactor looks for. */
  Set<PiiType> types();

  /**
   * The entities in {@code text}, ordered by start, none overlapping (of overlapping matches the
   * longest wins, then the most specific type).
   */
  List<PiiEntity> detect(String text);

  /** A fresh numbering for one request. */
  PiiSession newSession();

  /** Redacts one text in a session of its own. */
  default Redaction redact(String text) {
    return newSession().redact(text);
  }
}
