package dev.scalpel.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsnDetectorTest {
  @Test
  void findsDashedAndSpacedNumbers() {
    assertThat(Found.only(PiiType.US_SSN, "SSN 123-45-6789, old one 219 09 9999."))
        .containsExactly("123-45-6789", "219 09 9999");
  }

  @Test
  void findsANumberAfterAnotherNumber() {
    assertThat(Found.only(PiiType.US_SSN, "room 12 123-45-6789")).containsExactly("123-45-6789");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "000-12-3456", // area 000 is never issued
        "666-12-3456",
        "912-34-5678", // 900-999 are not SSNs
        "123-00-4567", // group 00
        "123-45-0000", // serial 0000
        "123456789", // bare digits: an order number as often as not
        "123-45-67890",
        "1123-45-6789",
        "123-45-6789-2",
        "2024-03-15",
        "123-45 6789", // mixed separators
      })
  void nearMissesAreNotSsns(String text) {
    assertThat(Found.only(PiiType.US_SSN, "number " + text + " here")).isEmpty();
  }
}
