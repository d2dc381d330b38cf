package dev.scalpel.gateway.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The window a budget applies to: a UTC calendar day, a UTC calendar month, or the key's whole life
 * ({@link #TOTAL}, which never resets).
 */
public enum Period {
  DAY,
  MONTH,
  TOTAL;

  /**
   * The name in the CLI, the admin API and the database: {@code day}, {@code month}, {@code total}.
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The start of the window that holds {@code now}; {@link Instant#EPOCH} for {@link #TOTAL}. */
  public Instant windowStart(Instant now) {
    return switch (this) {
      case DAY -> now.truncatedTo(ChronoUnit.DAYS);
      case MONTH -> date(now).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      case TOTAL -> Instant.EPOCH;
    };
  }

  /** When the window that starts at {@code start} ends and the budget resets; empty for TOTAL. */
  public Optional<Instant> windowEnd(Instant start) {
    return switch (this) {
      case DAY -> Optional.of(start.plus(1, ChronoUnit.DAYS));
      case MONTH -> Optional.of(date(start).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
      case TOTAL -> Optional.empty();
    };
  }

  /**
   * The period named {@code wire}.
   *
   * @throws IllegalArgumentException naming the valid periods otherwise
   */
  public static Period fromWire(String wire) {
    for (Period p : values()) {
      if (p.wireName().equals(wire)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown budget period '" + wire + "' (expected day, month or total)");
  }

  private static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
