package dev.scalpel.guard.pii;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of personal data and secrets the redactor finds. {@link #wireName()} is the name used
 * in JSON ({@code "type": "CREDIT_CARD"}) and in placeholders ({@code [CREDIT_CARD_1]}).
 *
 * <p>{@link #specificity()} settles overlapping matches of equal length: a match that passed a
 * checksum (card, IBAN) or has an unambiguous shape beats one that only looks like a phone number.
 */
public enum PiiType {
  EMAIL(5),
  PHONE(1),
  CREDIT_CARD(7),
  IBAN(6),
  US_SSN(3),
  IP_ADDRESS(2),
  SECRET(4);

  private final int specificity;

  PiiType(int specificity) {
    this.specificity = specificity;
  }

  /** The name in JSON and in placeholders, e.g. {@code IP_ADDRESS}. */
  public String wireName() {
    return name();
  }

  /** The placeholder for the {@code number}-th distinct value of this type: {@code [EMAIL_2]}. */
  public String placeholder(int number) {
    if (number < 1) {
      throw new IllegalArgumentException("placeholder number must be >= 1, found " + number);
    }
    return "[" + wireName() + "_" + number + "]";
  }

  /** Higher wins when two matches of the same length overlap. */
  int specificity() {
    return specificity;
  }

  /**
   * The type named {@code name} (any case), or an {@link IllegalArgumentException} listing the
   * names.
   */
  public static PiiType fromWireName(String name) {
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    for (PiiType type : values()) {
      if (type.wireName().equals(wanted)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "PII type: expected one of "
            + Arrays.stream(values()).map(PiiType::wireName).collect(Collectors.joining(", "))
            + ", found '"
            + name
            + "'");
  }
}
