package dev.scalpel.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {
  @Test
  void findsAddressesWithSubdomainsTagsAndSentencePunctuation() {
    assertThat(Found.only(PiiType.EMAIL, "Write to John.Doe+bikes@mail.example.co.uk. Thanks!"))
        .containsExactly("John.Doe+bikes@mail.example.co.uk");
    assertThat(Found.only(PiiType.EMAIL, "<anna_b@shop-nl.com>, (k.smith@x.org)"))
        .containsExactly("anna_b@shop-nl.com", "k.smith@x.org");
  }

  @Test
  void offsetsAreUtf16UnitsOfTheOriginal() {
    String text = "😀 é mail: a@b.io";
    PiiEntity entity = Found.ALL.detect(text).get(0);

    assertThat(entity).isEqualTo(new PiiEntity(PiiType.EMAIL, 11, 17));
    assertThat(text.substring(entity.start(), entity.end())).isEqualTo("a@b.io");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ping @support on chat",
        "user@localhost is fine",
        "install lodash@4.17.21 now",
        "an @ sign alone",
        "mail@ nothing",
        "broken@.com and also@domain. and x@-bad.com",
        "email me at name@company",
        "a@b.c is too short a TLD",
      })
  void nearMissesAreNotAddresses(String text) {
    assertThat(Found.only(PiiType.EMAIL, text)).isEmpty();
  }
}
