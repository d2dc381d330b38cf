package dev.scalpel.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "DE89370400440532013000",
        "DE89 3704 0044 0532 0130 00",
        "GB82 WEST 1234 5698 7654 32",
        "gb82west12345698765432",
        "NL91ABNA0417164300",
        "FR14 2004 1010 0505 0001 3M02 606",
        "NO9386011117947",
        "MT84MALT011000012345MTLCAST001S",
      })
  void findsMod97ValidIbansCompactOrGrouped(String iban) {
    assertThat(Found.only(PiiType.IBAN, "please refund to " + iban + ". Thanks"))
        .containsExactly(iban);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DE89 3704 0044 0532 0130 01", // fails mod-97
        "DE88370400440532013000", // wrong check digits
        "DE89 3704 0044 0532 0130", // too short for Germany
        "DE8937040044053201300012", // too long for Germany
        "XX89370400440532013000", // no such IBAN country
        "ABDE89370400440532013000", // inside a longer token
        "DE89 37040044 0532013000", // neither compact nor in groups of four
      })
  void nearMissesAreNotIbans(String text) {
    assertThat(Found.only(PiiType.IBAN, "iban " + text + " ok")).isEmpty();
  }

  @Test
  void ibanDigitsAreNotAlsoACardOrAPhone() {
    assertThat(Found.all("IBAN DE89 3704 0044 0532 0130 00"))
        .containsExactly("IBAN:DE89 3704 0044 0532 0130 00");
  }

  @Test
  void countryTableHasTheRegistryLengths() {
    assertThat(IbanCountries.length('D', 'E')).isEqualTo(22);
    assertThat(IbanCountries.length('n', 'o')).isEqualTo(15);
    assertThat(IbanCountries.length('Q', 'Q')).isEqualTo(-1);
    assertThat(IbanCountries.all()).hasSizeGreaterThan(80);
  }
}
