package dev.scalpel.gateway.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsageSinceTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "2026-11-01, 2026-11-01T00:00:00Z",
    "2026-11-01T09:30:00Z, 2026-11-01T09:30:00Z",
    "2026-11-01T09:30:00.5Z, 2026-11-01T09:30:00.500Z",
    "2026-11-01T09:30:00+02:00, 2026-11-01T07:30:00Z",
    "7d, 2026-11-16T12:00:00Z",
    "24h, 2026-11-22T12:00:00Z",
    "30m, 2026-11-23T11:30:00Z",
    "0d, 2026-11-23T12:00:00Z",
    "PT36H, 2026-11-22T00:00:00Z",
    "p2d, 2026-11-21T12:00:00Z",
    "' 7d ', 2026-11-16T12:00:00Z",
    "1900-01-01, 1970-01-01T00:00:00Z",
    "999999999d, 1970-01-01T00:00:00Z",
  })
  void parses(String text, String expected) {
    assertThat(UsageSince.parse(text, NOW)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "7",
        "7w",
        "-7d",
        "7 d",
        "1.5d",
        "2026-13-01",
        "2026-11-01T25:00Z",
        "P-1D",
        "yesterday"
      })
  void rejectsWithWhatItExpected(String text) {
    assertThatThrownBy(() -> UsageSince.parse(text, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "expected an ISO date (2026-11-01), an ISO instant (2026-11-01T09:30:00Z) or a"
                + " duration such as 7d, 24h or 30m, found '"
                + text
                + "'");
  }

  @Property
  void anyTextParsesToAStartNoEarlierThan1970OrIsRejectedClearly(@ForAll String text) {
    Instant since;
    try {
      since = UsageSince.parse(text, NOW);
    } catch (IllegalArgumentException e) {
      assertThat(e).hasMessageEndingWith(", found '" + text + "'");
      return;
    }
    assertThat(since).isAfterOrEqualTo(Instant.EPOCH);
  }
}
