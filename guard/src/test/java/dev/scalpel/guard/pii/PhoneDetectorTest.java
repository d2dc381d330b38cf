package dev.scalpel.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "+1 415 555 2671",
        "+1 (415) 555-2671",
        "+14155552671",
        "+44 20 7946 0958",
        "+44 (0)20 7946 0958",
        "+49 30 901820",
        "0049 30 901820",
        "+33 6 12 34 56 78",
        "+31 20 794 6095",
        "+81 3-1234-5678",
        "+61 2 9876 5432",
        "+91 98765 43210",
        "(415) 555-2671",
        "415-555-2671",
        "415.555.2671",
        "415 555 2671",
      })
  void findsInternationalNumbersAndUsNationalFormats(String phone) {
    assertThat(Found.only(PiiType.PHONE, "call me on " + phone + ", thanks"))
        .containsExactly(phone);
  }

  @Test
  void trimsTrailingAndLeadingNumbersThatAreNotPartOfThePhone() {
    assertThat(Found.only(PiiType.PHONE, "call 415-555-2671 2 times"))
        .containsExactly("415-555-2671");
    assertThat(Found.only(PiiType.PHONE, "room 12 415 555 2671")).containsExactly("415 555 2671");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "order 4155552671 shipped", // bare digits without a country code
        "on 2024-03-15 at noon",
        "on 15.03.2024 at noon",
        "on 03/15/2024 at noon",
        "version 10.4.12.3",
        "build 2.14.3-rc1",
        "ref 1234 5678",
        "order 12345 678 90",
        "+1 555", // too short
        "+99 123 456 789", // no such country code
        "price 1,299.00 and 2,499.00",
        "192.168.10.254",
        "ordered on 2025-02-04 23:55", // a date and time, grouped unlike a US number
        "IBAN NL66 DAMN 7079 9497 09", // IBAN digits (this one fails mod-97)
        "Invoice no. 5134 0036 8570 7227", // 00 inside a longer number is no country prefix
        "order 70 7994 9709", // valid US digits, grouped unlike a US number
      })
  void nearMissesAreNotPhones(String text) {
    assertThat(Found.only(PiiType.PHONE, text)).isEmpty();
  }

  @Test
  void cardNumbersAndSsnsAreNotPhones() {
    assertThat(Found.all("card 4111 1111 1111 1111, ssn 123-45-6789"))
        .containsExactly("CREDIT_CARD:4111 1111 1111 1111", "US_SSN:123-45-6789");
  }

  @Test
  void otherRegionsReadNationalFormats() {
    PiiRedactor uk = PiiRedactor.create(EnumSet.of(PiiType.PHONE), List.of("gb"));
    String text = "ring 020 7946 0958 today";

    assertThat(uk.detect(text)).containsExactly(new PiiEntity(PiiType.PHONE, 5, 18));
    assertThat(Found.only(PiiType.PHONE, text)).isEmpty();
  }

  @Test
  void unknownRegionIsRefused() {
    assertThatThrownBy(() -> PiiRedactor.create(EnumSet.of(PiiType.PHONE), List.of("XX")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("phone region: expected a two-letter region code such as US")
        .hasMessageEndingWith("found 'XX'");
  }
}
