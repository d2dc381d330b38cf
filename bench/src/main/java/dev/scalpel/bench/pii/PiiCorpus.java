package dev.scalpel.bench.pii;

import dev.scalpel.guard.pii.PiiEntity;
import dev.scalpel.guard.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded corpus of support-chat sentences written for this benchmark: sentences with PII of every
 * type (slots filled by {@link PiiValues}, some next to dates, versions and order numbers),
 * sentences without, and near misses ({@link NearMisses}). The same seed gives the same corpus.
 */
final class PiiCorpus {
  private static final Pattern SLOT = Pattern.compile("\\{([A-Z_]+)}");
  private static final List<String> PII_TEMPLATES =
      List.of(
          "Hi, please send the invoice to {EMAIL} instead of my old address.",
          "My account email is {EMAIL}, but I can't log in since {DATE}.",
          "Can you update my contact to {EMAIL}? Order {ORDER}.",
          "{EMAIL} here, the bike arrived with a bent wheel.",
          "I never got the password reset mail at {EMAIL}",
          "You can reach me on {PHONE} after 5pm.",
          "Call me back at {PHONE} please, it's about order {ORDER}.",
          "My new number is {PHONE}.",
          "phone: {PHONE} / email: {EMAIL}",
          "The courier tried {PHONE} but nobody answered on {DATE}.",
          "I paid with card {CREDIT_CARD} and was charged twice.",
          "Please refund to my card {CREDIT_CARD}, expiry 08/27.",
          "My card {CREDIT_CARD} got declined on {DATE}.",
          "card number: {CREDIT_CARD}",
          "Please transfer the refund to {IBAN}.",
          "My IBAN is {IBAN}, account holder J. Smith.",
          "Direct debit from {IBAN} failed for invoice {ORDER}.",
          "For the financing form my SSN is {US_SSN}.",
          "SSN {US_SSN}, date of birth {DATE}.",
          "The app shows error 503 from {IP_ADDRESS}.",
          "Login blocked from IP {IP_ADDRESS}, was that me?",
          "Our firewall logs {IP_ADDRESS} calling the API with {VERSION}.",
          "Here is the key from the dashboard: {SECRET}",
          "export OPENAI_API_KEY={SECRET} is what I ran",
          "The integration uses token {KEY} and fails since {DATE}.",
          "my api key is {KEY}",
          "Authorization: Bearer {KEY}",
          "I pasted {SECRET} in the config but it says invalid.",
          "Name: J. Smith, email {EMAIL}, phone {PHONE}, card {CREDIT_CARD}.",
          "Refund {IBAN} or card {CREDIT_CARD}, contact {EMAIL}.",
          "From {IP_ADDRESS} with key {SECRET}, ticket {ORDER}.",
          "SSN {US_SSN} and phone {PHONE} for the credit check, app {VERSION}.");
  private static final List<String> CLEAN =
      List.of(
          "Where is my order?",
          "The battery won't charge after the update.",
          "Do you ship to Belgium?",
          "I'd like to return the helmet, size M.",
          "Thanks, that solved it!",
          "Can I change the delivery address?",
          "How long does the warranty last?",
          "I bought 2 bikes last week and one has a flat tyre.",
          "The display shows error E21, what does it mean?",
          "Is the Amsterdam store open on Sunday?",
          "My password reset link expired, can you send a new one?",
          "The rear brake squeaks after 30 km.",
          "Can I pay in 3 instalments?",
          "Please cancel my subscription at the end of the month.",
          "The charger gets really hot, is that normal?",
          "I want to talk to a person, not a bot.",
          "Do you have the Cargo 500 in stock?",
          "Why was I charged a delivery fee?",
          "The app asks me to update but the store has no update.",
          "How do I pair the bike with my phone?");

  private final Random random;
  private final PiiValues values;
  private final NearMisses nearMisses;

  private PiiCorpus(long seed) {
    this.random = new Random(seed);
    this.values = new PiiValues(random);
    this.nearMisses = new NearMisses(random, values);
  }

  /** {@code size} sentences: about 50% with PII, 20% clean, 30% near misses. */
  static List<LabeledText> generate(long seed, int size) {
    PiiCorpus corpus = new PiiCorpus(seed);
    List<LabeledText> texts = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      texts.add(corpus.next());
    }
    return List.copyOf(texts);
  }

  private LabeledText next() {
    double draw = random.nextDouble();
    if (draw < 0.5) {
      return fill(values.pick(PII_TEMPLATES), "pii");
    }
    if (draw < 0.7) {
      return new LabeledText(values.pick(CLEAN), List.of(), "clean");
    }
    return nearMisses.next();
  }

  private LabeledText fill(String template, String kind) {
    StringBuilder text = new StringBuilder();
    List<PiiEntity> truth = new ArrayList<>();
    Matcher slot = SLOT.matcher(template);
    int at = 0;
    while (slot.find()) {
      text.append(template, at, slot.start());
      String name = slot.group(1);
      int start = text.length();
      text.append(value(name));
      PiiType type = typeOf(name);
      if (type != null) {
        truth.add(new PiiEntity(type, start, text.length()));
      }
      at = slot.end();
    }
    text.append(template, at, template.length());
    return new LabeledText(text.toString(), truth, kind);
  }

  private String value(String slot) {
    return switch (slot) {
      case "EMAIL" -> values.email();
      case "PHONE" -> values.phone();
      case "CREDIT_CARD" -> values.card();
      case "IBAN" -> values.iban();
      case "US_SSN" -> values.ssn();
      case "IP_ADDRESS" -> values.ip();
      case "SECRET" -> values.secret();
      case "KEY" -> values.announcedSecret();
      case "DATE" -> nearMisses.date();
      case "ORDER" -> nearMisses.orderReference();
      case "VERSION" -> nearMisses.version();
      default -> throw new IllegalArgumentException("unknown slot {" + slot + "}");
    };
  }

  /** The PII type a slot holds, or null for context slots (dates, orders, versions). */
  private static PiiType typeOf(String slot) {
    return switch (slot) {
      case "KEY" -> PiiType.SECRET;
      case "DATE", "ORDER", "VERSION" -> null;
      default -> PiiType.fromWireName(slot);
    };
  }
}
