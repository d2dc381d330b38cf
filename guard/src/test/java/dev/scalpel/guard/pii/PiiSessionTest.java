package dev.scalpel.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiSessionTest {
  private final PiiSession session = Found.ALL.newSession();

  @Test
  void numbersPerTypeAcrossTheMessagesOfARequest() {
    List<Redaction> redactions =
        session.redactAll(
            List.of(
                "You are a helpful assistant. Escalations go to ops@shop.example.",
                "I am anna@mail.example, card 4111 1111 1111 1111, IBAN DE89370400440532013000",
                "Also refund GB82WEST12345698765432, and copy ANNA@mail.example please"));

    assertThat(redactions)
        .extracting(Redaction::text)
        .containsExactly(
            "You are a helpful assistant. Escalations go to [EMAIL_1].",
            "I am [EMAIL_2], card [CREDIT_CARD_1], IBAN [IBAN_1]",
            "Also refund [IBAN_2], and copy [EMAIL_2] please");
    assertThat(redactions.get(1).entities())
        .containsExactly(
            new PiiEntity(PiiType.EMAIL, 5, 22),
            new PiiEntity(PiiType.CREDIT_CARD, 29, 48),
            new PiiEntity(PiiType.IBAN, 55, 77));
    assertThat(session.size()).isEqualTo(5);
  }

  @Test
  void sameValueInAnotherSpellingGetsTheSamePlaceholder() {
    Redaction redaction =
        session.redact("card 4111111111111111, I mean 4111-1111-1111-1111, call +1 415 555 2671");

    assertThat(redaction.text())
        .isEqualTo("card [CREDIT_CARD_1], I mean [CREDIT_CARD_1], call [PHONE_1]");
  }

  @Test
  void restoresTheOriginalsOfItsOwnPlaceholdersOnly() {
    session.redact("mail anna@mail.example or call +44 20 7946 0958");

    String answer =
        "Dear [EMAIL_1], we will call [PHONE_1]. [EMAIL_2] and [CREDIT_CARD_1] are unknown;"
            + " [EMAIL_1] again, [email_1] and [EMAIL_1 stay.";

    assertThat(session.restore(answer))
        .isEqualTo(
            "Dear anna@mail.example, we will call +44 20 7946 0958. [EMAIL_2] and [CREDIT_CARD_1]"
                + " are unknown; anna@mail.example again, [email_1] and [EMAIL_1 stay.");
  }

  @Test
  void roundTripGivesBackTheOriginalText() {
    String text =
        "Hi, I'm bob@x.org (+1 (415) 555-2671), SSN 123-45-6789, from 10.0.0.7, key"
            + " sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z, card 5500 0000 0000 0004, IBAN NL91"
            + " ABNA 0417 1643 00.";

    Redaction redaction = session.redact(text);

    assertThat(redaction.text())
        .isEqualTo(
            "Hi, I'm [EMAIL_1] ([PHONE_1]), SSN [US_SSN_1], from [IP_ADDRESS_1], key [SECRET_1],"
                + " card [CREDIT_CARD_1], IBAN [IBAN_1].");
    assertThat(session.restore(redaction.text())).isEqualTo(text);
  }

  @Test
  void placeholdersTheClientWroteAreNeverIssued() {
    List<Redaction> redactions =
        session.redactAll(List.of("what does [EMAIL_1] mean?", "my mail is anna@mail.example"));

    assertThat(redactions.get(1).text()).isEqualTo("my mail is [EMAIL_2]");
    assertThat(session.restore("[EMAIL_1] is a placeholder; yours is [EMAIL_2]"))
        .isEqualTo("[EMAIL_1] is a placeholder; yours is anna@mail.example");
  }

  @Test
  void sessionsNumberIndependently() {
    PiiSession other = Found.ALL.newSession();
    session.redact("a@b.io and c@d.io");

    assertThat(other.redact("c@d.io").text()).isEqualTo("[EMAIL_1]");
    assertThat(other.restore("[EMAIL_2]")).isEqualTo("[EMAIL_2]");
  }

  @Test
  void disabledTypesAreLeftAlone() {
    PiiRedactor emailsOnly = PiiRedactor.create(EnumSet.of(PiiType.EMAIL));

    Redaction redaction = emailsOnly.redact("a@b.io, 4111 1111 1111 1111");

    assertThat(redaction.text()).isEqualTo("[EMAIL_1], 4111 1111 1111 1111");
    assertThat(emailsOnly.types()).containsExactly(PiiType.EMAIL);
    assertThat(PiiRedactor.create(EnumSet.noneOf(PiiType.class)).redact("a@b.io").isClean())
        .isTrue();
  }

  @Test
  void emptyAndCleanTextsPassThrough() {
    assertThat(session.redact("").text()).isEmpty();
    assertThat(session.redact("nothing to see here").entities()).isEmpty();
    assertThat(session.restore("no placeholders")).isEqualTo("no placeholders");
  }

  @Test
  void typesHaveWireNamesAndPlaceholders() {
    assertThat(PiiType.CREDIT_CARD.placeholder(3)).isEqualTo("[CREDIT_CARD_3]");
    assertThat(PiiType.fromWireName(" ip_address ")).isEqualTo(PiiType.IP_ADDRESS);
    assertThatThrownBy(() -> PiiType.fromWireName("NAME"))
        .hasMessage(
            "PII type: expected one of EMAIL, PHONE, CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS,"
                + " SECRET, found 'NAME'");
    assertThatThrownBy(() -> new PiiEntity(PiiType.EMAIL, 4, 4))
        .hasMessage("expected 0 <= start < end, found start 4, end 4");
  }
}
