package dev.scalpel.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapsTest {
  @Test
  void longestWinsThenMostSpecificThenEarliest() {
    PiiEntity phone = new PiiEntity(PiiType.PHONE, 5, 20);
    PiiEntity card = new PiiEntity(PiiType.CREDIT_CARD, 5, 20);
    PiiEntity iban = new PiiEntity(PiiType.IBAN, 0, 27);
    PiiEntity ip = new PiiEntity(PiiType.IP_ADDRESS, 30, 40);
    PiiEntity phoneOverIp = new PiiEntity(PiiType.PHONE, 30, 40);
    PiiEntity early = new PiiEntity(PiiType.SECRET, 50, 60);
    PiiEntity late = new PiiEntity(PiiType.SECRET, 55, 65);

    List<PiiEntity> matches =
        new ArrayList<>(List.of(phone, card, iban, ip, phoneOverIp, early, late));
    List<PiiEntity> resolved = Overlaps.resolve(matches);
    Collections.reverse(matches);

    assertThat(resolved).containsExactly(iban, ip, early);
    assertThat(Overlaps.resolve(matches)).isEqualTo(resolved);
    assertThat(Overlaps.resolve(List.of(phone, card))).containsExactly(card);
  }
}
