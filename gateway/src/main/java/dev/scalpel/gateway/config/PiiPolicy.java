package dev.scalpel.gateway.config;

import java.util.Locale;

/** What an upstream tier may receive of the personal data in a request. */
public enum PiiPolicy {
  /** The request as the client wrote it (an on-premises model). */
  RAW,
  /** Personal data replaced by typed placeholders such as {@code [EMAIL_1]}. */
  REDACT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
