package dev.scalpel.guard.pii;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The countries of the SWIFT IBAN registry and the length of their IBANs. */
final class IbanCountries {
  private static final String TABLE =
      "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27"
          + " DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21"
          + " HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27"
          + " MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24"
          + " RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22"
          + " VG24 XK20 YE30";
  private static final Map<String, Integer> LENGTHS = parse();

  private IbanCountries() {}

  /** The IBAN length of the country with this code (either case), or -1 when it has none. */
  static int length(char first, char second) {
    Integer length =
        LENGTHS.get(String.valueOf(Character.toUpperCase(first)) + Character.toUpperCase(second));
    return length == null ? -1 : length;
  }

  /** Country codes with their lengths, for generating test data. */
  static Map<String, Integer> all() {
    return LENGTHS;
  }

  private static Map<String, Integer> parse() {
    Map<String, Integer> lengths = new HashMap<>();
    for (String entry : TABLE.split(" ")) {
      lengths.put(
          entry.substring(0, 2).toUpperCase(Locale.ROOT), Integer.parseInt(entry, 2, 4, 10));
    }
    return Map.copyOf(lengths);
  }
}
