package dev.scalpel.gateway.accounting;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the start of a usage window as people write it: an ISO date ({@code 2026-11-01}, midnight
 * UTC), an ISO instant or offset date-time ({@code 2026-11-01T09:30:00Z}), or a look-back duration
 * ({@code 7d}, {@code 24h}, {@code 30m}, or ISO {@code PT36H}). Starts before 1970 are clamped to
 * 1970, before which the log holds nothing.
 */
public final class UsageSince {
  /** What {@link #parse} accepts, for error and help texts. */
  public static final String EXPECTED =
      "an ISO date (2026-11-01), an ISO instant (2026-11-01T09:30:00Z)"
          + " or a duration such as 7d, 24h or 30m";

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([dhm])");

  private UsageSince() {}

  /**
   * The instant {@code text} names, durations counted back from {@code now}.
   *
   * @throws IllegalArgumentException naming what was expected and what was found
   */
  public static Instant parse(String text, Instant now) {
    String t = text.strip();
    Instant since = parseOrNull(t, now);
    if (since == null) {
      throw new IllegalArgumentException("expected " + EXPECTED + ", found '" + text + "'");
    }
    return since.isBefore(Instant.EPOCH) ? Instant.EPOCH : since;
  }

  private static Instant parseOrNull(String t, Instant now) {
    Matcher m = SHORT_DURATION.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration back =
          switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
          };
      return now.minus(back);
    }
    try {
      if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
        Duration back = Duration.parse(t);
        return back.isNegative() ? null : now.minus(back);
      }
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }
}
