package dev.scalpel.bench.pii;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Sentences that hold no PII but things that look like it: order numbers that fail Luhn, IBANs that
 * fail mod-97, versions, dates, times, invalid SSNs, hashes, UUIDs, identifiers, MAC addresses,
 * tracking numbers, prices, e-mail-like handles and short numbers.
 */
final class NearMisses {
  static final List<String> CATEGORIES =
      List.of(
          "order_number_failing_luhn",
          "order_reference",
          "iban_failing_mod97",
          "version",
          "date",
          "time",
          "invalid_ssn",
          "hash_or_uuid",
          "identifier_or_url",
          "mac_address",
          "tracking_number",
          "money_or_quantity",
          "email_like",
          "short_number");

  private final Random random;
  private final PiiValues values;

  NearMisses(Random random, PiiValues values) {
    this.random = random;
    this.values = values;
  }

  LabeledText next() {
    String category = values.pick(CATEGORIES);
    return new LabeledText(sentence(category), List.of(), "near_miss:" + category);
  }

  private String sentence(String category) {
    return switch (category) {
      case "order_number_failing_luhn" ->
          pick(
                  "Order %s was charged twice, can you check?",
                  "my reference is %s, the parcel never came", "Invoice no. %s is wrong.")
              .formatted(luhnFailure());
      case "order_reference" ->
          pick("Where is order %s?", "Ticket %s is still open.", "ref %s please")
              .formatted(orderReference());
      case "iban_failing_mod97" ->
          pick("Is %s a valid account?", "The form rejected %s, why?").formatted(ibanFailure());
      case "version" ->
          pick(
                  "The app on %s keeps crashing.",
                  "After updating to %s the display is blank.",
                  "Firmware is %s, is that the latest?")
              .formatted(version());
      case "date" -> pick("I ordered on %s.", "Delivery was promised for %s.").formatted(date());
      case "time" ->
          pick("The courier came at %s.", "Store hours end at %s today?").formatted(time());
      case "invalid_ssn" ->
          pick("The form says %s is not valid.", "Is %s a test number?").formatted(invalidSsn());
      case "hash_or_uuid" ->
          pick("Request id %s failed.", "Fixed in commit %s.", "Checksum %s does not match.")
              .formatted(hashOrUuid());
      case "identifier_or_url" ->
          pick("The log shows %s.", "See %s for details.").formatted(identifierOrUrl());
      case "mac_address" ->
          pick("The charger's MAC is %s.", "Device %s will not pair.").formatted(mac());
      case "tracking_number" ->
          pick("Tracking number %s shows no movement.", "DHL says %s is delivered?")
              .formatted(trackingNumber());
      case "money_or_quantity" ->
          pick("I was charged %s instead.", "I need %s of the cleaner.").formatted(money());
      case "email_like" ->
          pick("I tagged %s on the forum.", "The installer printed %s and stopped.")
              .formatted(emailLike());
      default ->
          pick("My PIN hint is %s.", "Call extension %s.", "Room %s.").formatted(shortNumber());
    };
  }

  /** A card-shaped number with a prefix of a card network whose check digit is wrong. */
  String luhnFailure() {
    String valid = PiiValues.cardNumber(random, values.pick(List.of("4", "51", "6011")), 16);
    char last = valid.charAt(15);
    char wrong = (char) ('0' + (last - '0' + 1 + random.nextInt(9)) % 10);
    String number = valid.substring(0, 15) + wrong;
    return random.nextBoolean() ? PiiValues.inFours(number, " ") : number;
  }

  String orderReference() {
    return switch (random.nextInt(5)) {
      case 0 -> "NW-" + (10_000 + random.nextInt(90_000));
      case 1 -> "#" + (100_000_000 + random.nextInt(900_000_000));
      case 2 ->
          String.format(
              Locale.ROOT, "ORD-%d-%06d", 2020 + random.nextInt(6), random.nextInt(1_000_000));
      case 3 -> Long.toString(2_000_000_000L + (long) (random.nextDouble() * 7_999_999_999L));
      default -> "INV/" + (2020 + random.nextInt(6)) + "/" + (1000 + random.nextInt(9000));
    };
  }

  /** A valid IBAN with its check digits changed, so it fails mod-97. */
  String ibanFailure() {
    String valid = PiiValues.ibanCompact(random);
    int check = Integer.parseInt(valid.substring(2, 4));
    int wrong = 2 + (check - 2 + 1 + random.nextInt(95)) % 97;
    String iban =
        valid.substring(0, 2) + String.format(Locale.ROOT, "%02d", wrong) + valid.substring(4);
    return random.nextBoolean() ? PiiValues.inFours(iban, " ") : iban;
  }

  String version() {
    int major = random.nextInt(20);
    int minor = random.nextInt(30);
    int patch = random.nextInt(200);
    return switch (random.nextInt(5)) {
      case 0 -> "v" + major + "." + minor + "." + patch;
      case 1 -> "version " + major + "." + minor + "." + patch + "." + random.nextInt(10);
      case 2 -> "build " + major + "." + minor + "." + patch + "-rc" + (1 + random.nextInt(5));
      case 3 ->
          "Android " + (8 + random.nextInt(7)) + "." + random.nextInt(3) + "." + random.nextInt(10);
      default -> "10.0." + (10_000 + random.nextInt(20_000)) + "." + random.nextInt(3000);
    };
  }

  String date() {
    int year = 2019 + random.nextInt(8);
    int month = 1 + random.nextInt(12);
    int day = 1 + random.nextInt(28);
    return switch (random.nextInt(4)) {
      case 0 -> String.format(Locale.ROOT, "%d-%02d-%02d", year, month, day);
      case 1 -> String.format(Locale.ROOT, "%02d.%02d.%d", day, month, year);
      case 2 -> String.format(Locale.ROOT, "%02d/%02d/%d", month, day, year);
      default ->
          String.format(
              Locale.ROOT,
              "%d-%02d-%02d %02d:%02d",
              year,
              month,
              day,
              random.nextInt(24),
              random.nextInt(60));
    };
  }

  String time() {
    return random.nextBoolean()
        ? String.format(Locale.ROOT, "%02d:%02d", random.nextInt(24), random.nextInt(60))
        : String.format(
            Locale.ROOT,
            "%02d:%02d:%02d",
            random.nextInt(24),
            random.nextInt(60),
            random.nextInt(60));
  }

  String invalidSsn() {
    String area = values.pick(List.of("000", "666", String.valueOf(900 + random.nextInt(100))));
    return String.format(
        Locale.ROOT, "%s-%02d-%04d", area, 1 + random.nextInt(99), random.nextInt(10_000));
  }

  String hashOrUuid() {
    String hex = "0123456789abcdef";
    return switch (random.nextInt(3)) {
      case 0 -> values.token(hex, 40);
      case 1 -> values.token(hex, 64);
      default ->
          values.token(hex, 8)
              + "-"
              + values.token(hex, 4)
              + "-4"
              + values.token(hex, 3)
              + "-a"
              + values.token(hex, 3)
              + "-"
              + values.token(hex, 12);
    };
  }

  String identifierOrUrl() {
    return values.pick(
        List.of(
            "CustomerAccountServiceImplementation" + (2000 + random.nextInt(30)),
            "OrderRepositoryJpaAdapterConfiguration",
            "https://shop.example.com/help/returns-and-refunds/how-to-return-an-e-bike",
            "/var/log/northwind/payment-gateway-2024-03-15.log",
            "ERR_CONNECTION_REFUSED_BY_PAYMENT_PROVIDER_GATEWAY",
            "internationalization-and-localization-guidelines",
            "X509CertificateTrustManagerFactoryProvider"));
  }

  String mac() {
    StringBuilder mac = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      mac.append(i > 0 ? ":" : "").append(String.format(Locale.ROOT, "%02X", random.nextInt(256)));
    }
    return mac.toString();
  }

  String trackingNumber() {
    String alnum = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    return switch (random.nextInt(3)) {
      case 0 -> "1Z" + values.token(alnum, 16);
      case 1 -> "JD" + values.token("0123456789", 18);
      default ->
          values.token("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2) + values.token("0123456789", 9) + "NL";
    };
  }

  String money() {
    return switch (random.nextInt(3)) {
      case 0 -> String.format(Locale.ROOT, "€%,d.%02d", random.nextInt(5000), random.nextInt(100));
      case 1 -> (1 + random.nextInt(9)) + " x " + (50 * (1 + random.nextInt(10))) + " ml";
      default ->
          String.format(Locale.ROOT, "$%d.%02d", random.nextInt(100_000), random.nextInt(100));
    };
  }

  String emailLike() {
    return values.pick(
        List.of(
            "@support", "@northwind_help", "admin@localhost", "lodash@4.17.21", "name@company"));
  }

  String shortNumber() {
    return Integer.toString(random.nextInt(100_000));
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}
