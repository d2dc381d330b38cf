package dev.scalpel.bench.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Random valid values of every PII type in the spellings people type them in. Checksums are
 * computed here independently of the guard module, so the benchmark does not grade the detectors
 * with their own code; phone numbers are checked against libphonenumber's numbering plans.
 */
final class PiiValues {
  private static final String BASE62 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789abcdef";
  private static final List<String> FIRST =
      List.of(
          "anna", "bob", "li", "maria", "jan", "sofia", "omar", "chen", "lucas", "emma", "noah");
  private static final List<String> LAST =
      List.of("smith", "de-vries", "muller", "garcia", "jansen", "kowalski", "okafor", "tanaka");
  private static final List<String> DOMAINS =
      List.of(
          "example.com",
          "mail.example.org",
          "shop-nl.example",
          "uni.example.ac.uk",
          "corp.example.de",
          "example.io");
  private static final List<String> PHONE_REGIONS =
      List.of(
          "US", "GB", "DE", "FR", "NL", "ES", "IT", "IN", "AU", "JP", "BR", "CA", "CH", "SE", "PL",
          "MX", "ZA", "SG");
  // {prefix, length}: Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay
  private static final List<String[]> CARD_BRANDS =
      List.of(
          new String[] {"4", "16"},
          new String[] {"51", "16"},
          new String[] {"55", "16"},
          new String[] {"2221", "16"},
          new String[] {"34", "15"},
          new String[] {"37", "15"},
          new String[] {"6011", "16"},
          new String[] {"65", "16"},
          new String[] {"3530", "16"},
          new String[] {"36", "14"},
          new String[] {"62", "16"});
  private static final Map<String, Integer> IBAN_LENGTHS =
      Map.ofEntries(
          Map.entry("DE", 22),
          Map.entry("GB", 22),
          Map.entry("FR", 27),
          Map.entry("NL", 18),
          Map.entry("ES", 24),
          Map.entry("IT", 27),
          Map.entry("BE", 16),
          Map.entry("AT", 20),
          Map.entry("CH", 21),
          Map.entry("PL", 28),
          Map.entry("SE", 24),
          Map.entry("IE", 22),
          Map.entry("PT", 25),
          Map.entry("NO", 15),
          Map.entry("DK", 18),
          Map.entry("FI", 18));
  private static final List<String> IBAN_COUNTRIES =
      IBAN_LENGTHS.keySet().stream().sorted().toList();

  private final Random random;
  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

  PiiValues(Random random) {
    this.random = random;
  }

  String email() {
    String first = pick(FIRST);
    String last = pick(LAST);
    String local =
        switch (random.nextInt(5)) {
          case 0 -> first + "." + last;
          case 1 -> first + "_" + last + random.nextInt(100);
          case 2 -> first.charAt(0) + "." + last + "+orders";
          case 3 -> capitalize(first) + "." + capitalize(last);
          default -> first + random.nextInt(1000);
        };
    return local + "@" + pick(DOMAINS);
  }

  String phone() {
    String region = pick(PHONE_REGIONS);
    PhoneNumber number = randomValidNumber(region);
    String international = phones.format(number, PhoneNumberFormat.INTERNATIONAL);
    if (region.equals("US") && random.nextBoolean()) {
      String national = phones.format(number, PhoneNumberFormat.NATIONAL); // (415) 555-2671
      String digits = national.replaceAll("[^0-9]", "");
      return switch (random.nextInt(3)) {
        case 0 -> national;
        case 1 -> digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
        default ->
            digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);
      };
    }
    return switch (random.nextInt(4)) {
      case 0, 1 -> international;
      case 2 -> phones.format(number, PhoneNumberFormat.E164);
      default -> "00" + international.substring(1);
    };
  }

  private PhoneNumber randomValidNumber(String region) {
    PhoneNumberType type =
        random.nextBoolean() ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE;
    PhoneNumber example = phones.getExampleNumberForType(region, type);
    for (int attempt = 0; attempt < 50; attempt++) {
      long base = example.getNationalNumber() / 10_000 * 10_000;
      PhoneNumber candidate =
          new PhoneNumber()
              .setCountryCode(example.getCountryCode())
              .setNationalNumber(base + random.nextInt(10_000));
      if (example.hasItalianLeadingZero()) {
        candidate.setItalianLeadingZero(true);
      }
      if (phones.isValidNumber(candidate)) {
        return candidate;
      }
    }
    return example;
  }

  String card() {
    String[] brand = CARD_BRANDS.get(random.nextInt(CARD_BRANDS.size()));
    String number = cardNumber(random, brand[0], Integer.parseInt(brand[1]));
    int style = random.nextInt(3);
    if (style == 0) {
      return number;
    }
    String separator = style == 1 ? " " : "-";
    if (number.length() < 16) { // Amex 4-6-5, Diners 4-6-4
      return String.join(
          separator, number.substring(0, 4), number.substring(4, 10), number.substring(10));
    }
    return inFours(number, separator);
  }

  /** A Luhn-valid card number that starts with {@code prefix}, compact. */
  static String cardNumber(Random random, String prefix, int length) {
    StringBuilder digits = new StringBuilder(prefix);
    while (digits.length() < length - 1) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.append(luhnCheckDigit(digits)).toString();
  }

  String iban() {
    String iban = ibanCompact(random);
    return random.nextBoolean() ? inFours(iban, " ") : iban;
  }

  /** A valid IBAN of a random registry country, compact. */
  static String ibanCompact(Random random) {
    String country = IBAN_COUNTRIES.get(random.nextInt(IBAN_COUNTRIES.size()));
    int bbanLength = IBAN_LENGTHS.get(country) - 4;
    StringBuilder bban = new StringBuilder();
    boolean bankLetters = country.equals("GB") || country.equals("NL") || country.equals("IE");
    while (bban.length() < bbanLength) {
      bban.append(
          bankLetters && bban.length() < 4
              ? (char) ('A' + random.nextInt(26))
              : (char) ('0' + random.nextInt(10)));
    }
    return country + ibanCheckDigits(country, bban.toString()) + bban;
  }

  String ssn() {
    int area;
    do {
      area = 1 + random.nextInt(899);
    } while (area == 666);
    String separator = random.nextInt(5) == 0 ? " " : "-";
    return String.format(
        Locale.ROOT,
        "%03d%s%02d%s%04d",
        area,
        separator,
        1 + random.nextInt(99),
        separator,
        1 + random.nextInt(9999));
  }

  String ip() {
    if (random.nextInt(4) > 0) {
      return String.format(
          Locale.ROOT,
          "%d.%d.%d.%d",
          1 + random.nextInt(223),
          random.nextInt(256),
          random.nextInt(256),
          1 + random.nextInt(254));
    }
    String prefix = pick(List.of("2001:db8", "fe80", "2a02:8108", "2600:1f18"));
    int prefixGroups = prefix.split(":").length;
    boolean compressed = random.nextBoolean();
    int groups = compressed ? 1 + random.nextInt(4) : 8 - prefixGroups;
    StringBuilder address = new StringBuilder(prefix).append(compressed ? "::" : ":");
    for (int i = 0; i < groups; i++) {
      address.append(i > 0 ? ":" : "").append(Integer.toHexString(random.nextInt(0x10000)));
    }
    return address.toString();
  }

  /** A key in one of the shapes that speak for themselves. */
  String secret() {
    return switch (random.nextInt(10)) {
      case 0 -> "sk-proj-" + token(BASE62 + "_-", 48 + random.nextInt(40));
      case 1 -> "sk-" + token(BASE62, 48);
      case 2 -> "AKIA" + token("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
      case 3 -> "ghp_" + token(BASE62, 36);
      case 4 -> "github_pat_" + token(BASE62, 22) + "_" + token(BASE62, 59);
      case 5 ->
          "xoxb-"
              + token("0123456789", 11)
              + "-"
              + token("0123456789", 12)
              + "-"
              + token(BASE62, 24);
      case 6 -> "AIza" + token(BASE62 + "_-", 35);
      case 7 ->
          "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ"
              + token(BASE62 + "_-", 30 + random.nextInt(40))
              + "."
              + token(BASE62 + "_-", 43);
      default -> token(BASE62, 32 + random.nextInt(17));
    };
  }

  /**
   * A key that needs its context to be recognized: lower-case hex, after "api key" and the like.
   */
  String announcedSecret() {
    return random.nextBoolean() ? token(HEX, 32 + random.nextInt(2) * 8) : secret();
  }

  String token(String alphabet, int length) {
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return token.toString();
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  static String inFours(String compact, String separator) {
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < compact.length(); i += 4) {
      if (i > 0) {
        grouped.append(separator);
      }
      grouped.append(compact, i, Math.min(compact.length(), i + 4));
    }
    return grouped.toString();
  }

  static char luhnCheckDigit(CharSequence payload) {
    int sum = 0;
    boolean doubled = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (doubled) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      doubled = !doubled;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  /** ISO 13616: 98 minus (BBAN + country + "00" read as a number, letters as 10-35) mod 97. */
  static String ibanCheckDigits(String country, String bban) {
    StringBuilder numeric = new StringBuilder();
    for (char c : (bban + country + "00").toCharArray()) {
      numeric.append(Character.isDigit(c) ? c - '0' : c - 'A' + 10);
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format(Locale.ROOT, "%02d", check);
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
