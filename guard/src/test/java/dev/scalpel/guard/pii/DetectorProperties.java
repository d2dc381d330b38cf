package dev.scalpel.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of the detectors: any text is handled without an exception and yields well-formed,
 * non-overlapping entities; every valid card number and IBAN is found wherever it stands.
 */
class DetectorProperties {
  private static final String DENSE = "0123456789 -.+()@:/_=[]abcdefxyzABCDEFXYZ\n\t,;éß😀";

  @Property(tries = 2000)
  void anyTextYieldsOrderedEntitiesInsideIt(@ForAll @StringLength(max = 300) String text) {
    check(text);
  }

  @Property(tries = 3000)
  void textDenseInDigitsAndPunctuationYieldsOrderedEntitiesInsideIt(@ForAll("dense") String text) {
    check(text);
  }

  @Property(tries = 1000)
  void validCardNumbersAreAlwaysFound(
      @ForAll("words") String before, @ForAll("cards") String card, @ForAll("words") String after) {
    assertFoundBetween(before + " card ", card, " ok " + after, PiiType.CREDIT_CARD);
  }

  @Property(tries = 1000)
  void validIbansAreAlwaysFound(
      @ForAll("words") String before, @ForAll("ibans") String iban, @ForAll("words") String after) {
    assertFoundBetween(before + " IBAN: ", iban, ". " + after, PiiType.IBAN);
  }

  private static void assertFoundBetween(String before, String value, String after, PiiType type) {
    int start = before.length();
    assertThat(Found.ALL.detect(before + value + after))
        .contains(new PiiEntity(type, start, start + value.length()));
  }

  @Property(tries = 300)
  void redactingThenRestoringGivesBackDistinctValues(
      @ForAll("cards") String card, @ForAll("ibans") String iban) {
    String text = "pay with " + card + " or from " + iban + ", thanks";
    PiiSession session = Found.ALL.newSession();

    Redaction redaction = session.redact(text);

    assertThat(redaction.text()).isEqualTo("pay with [CREDIT_CARD_1] or from [IBAN_1], thanks");
    assertThat(session.restore(redaction.text())).isEqualTo(text);
  }

  private static void check(String text) {
    PiiSession session = Found.ALL.newSession();
    Redaction redaction = session.redact(text);
    List<PiiEntity> entities = redaction.entities();
    int previousEnd = 0;
    for (PiiEntity entity : entities) {
      assertThat(entity.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(entity.end()).isLessThanOrEqualTo(text.length());
      previousEnd = entity.end();
    }
    if (entities.isEmpty()) {
      assertThat(redaction.text()).isEqualTo(text);
    }
    assertThat(session.restore(redaction.text())).isNotNull();
  }

  @Provide
  Arbitrary<String> dense() {
    return Arbitraries.strings().withChars(DENSE.toCharArray()).ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', ',', '.').ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> cards() {
    Arbitrary<String> prefix = Arbitraries.of("4", "51", "55", "2221", "2720", "6011", "65", "62");
    Arbitrary<String> body = Arbitraries.strings().numeric().ofLength(14);
    Arbitrary<Integer> style = Arbitraries.integers().between(0, 2);
    return Combinators.combine(prefix, body, style)
        .as((p, b, s) -> {
          String payload = (p + b).substring(0, 15);
          String digits = payload + Luhn.checkDigit(payload);
          return switch (s) {
            case 0 -> digits;
            case 1 -> group(digits, ' ');
            default -> group(digits, '-');
          };
        });
  }

  @Provide
  Arbitrary<String> ibans() {
    Arbitrary<String> country = Arbitraries.of(new ArrayList<>(IbanCountries.all().keySet()));
    Arbitrary<String> body =
        Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofLength(30);
    Arbitrary<Boolean> grouped = Arbitraries.of(true, false);
    return Combinators.combine(country, body, grouped)
        .as((c, b, g) -> {
          String bban = b.substring(0, IbanCountries.all().get(c) - 4);
          String iban = c + checkDigits(c, bban) + bban;
          return g ? group(iban, ' ') : iban;
        });
  }

  /** ISO 13616 check digits: 98 minus the remainder of BBAN + country + "00" mod 97. */
  private static String checkDigits(String country, String bban) {
    StringBuilder numeric = new StringBuilder();
    for (char c : (bban + country + "00").toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format(Locale.ROOT, "%02d", check);
  }

  private static String group(String compact, char separator) {
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < compact.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        grouped.append(separator);
      }
      grouped.append(compact.charAt(i));
    }
    return grouped.toString();
  }
}
