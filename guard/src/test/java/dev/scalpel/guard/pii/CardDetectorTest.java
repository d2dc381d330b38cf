package dev.scalpel.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111111111111111",
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "5500 0000 0000 0004",
        "2223 0031 2200 3222",
        "3782 822463 10005",
        "378282246310005",
        "3056 930902 5904",
        "6011 0009 9013 9424",
        "3530 1113 3330 0000",
        "6200 0000 0000 0005",
        "4222222222222",
      })
  void findsLuhnValidNumbersOfTheCardNetworks(String card) {
    assertThat(Found.only(PiiType.CREDIT_CARD, "my card is " + card + ", exp 11/27"))
        .containsExactly(card);
  }

  @Test
  void findsACardBetweenOtherNumbers() {
    assertThat(Found.only(PiiType.CREDIT_CARD, "ref 12 4111 1111 1111 1111 2024"))
        .containsExactly("4111 1111 1111 1111");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "order 4111 1111 1111 1112 is late", // fails Luhn
        "tracking 1234567812345670", // Luhn-valid, no card network starts with 1
        "invoice 9999 9999 9999 9995", // Luhn-valid, no card network starts with 9
        "ORD-4111111111111111 shipped", // part of a code
        "4111111111111111-7 is the parcel id",
        "4111 11111 1111 111", // not a card grouping
        "411111111111", // too short
        "IBAN AT86 4691 3204 7070 5888", // digits of an IBAN that fails mod-97
      })
  void nearMissesAreNotCards(String text) {
    assertThat(Found.only(PiiType.CREDIT_CARD, text)).isEmpty();
  }

  @Test
  void luhnCheckDigit() {
    assertThat(Luhn.isValid("79927398713")).isTrue();
    assertThat(Luhn.isValid("79927398710")).isFalse();
    assertThat(Luhn.checkDigit("411111111111111")).isEqualTo('1');
  }
}
