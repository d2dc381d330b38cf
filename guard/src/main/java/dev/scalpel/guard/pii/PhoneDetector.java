package dev.scalpel.guard.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers, validated by libphonenumber against its numbering plans. A cheap pattern finds
 * digit runs that could be phone numbers; only those are parsed, which is far faster than
 * libphonenumber's own full-text matcher.
 *
 * <ul>
 *   <li>With a country code ({@code +44 20 7946 0958}, {@code 0049 30 901820}): taken when valid in
 *       that country.
 *   <li>Without one ({@code (415) 555-2671}, {@code 415.555.2671}): taken when valid in one of the
 *       configured regions and written in groups; a bare run of digits without {@code +} is an
 *       order or account number more often than a phone number and is not taken.
 *   <li>Never taken: dates ({@code 2024-03-15}, {@code 15.03.2024}), dotted versions and addresses
 *       other than {@code 415.555.2671}, anything with fewer than 7 or more than 15 digits (card
 *       numbers, IBAN digits).
 * </ul>
 *
 * A candidate that is not valid as a whole is retried without its last or first group, so that
 * {@code call 415-555-2671 2 times} still finds the number.
 */
final class PhoneDetector implements Detector {
  private static final Pattern CANDIDATE = Pattern.compile("[+(]?[0-9][0-9 ().\\-]{4,24}[0-9]");
  private static final Pattern DATE = Pattern.compile("[0-9]{1,4}([-./])[0-9]{1,2}\\1[0-9]{1,4}");
  private static final Pattern NANP_DOTTED = Pattern.compile("[0-9]{3}\\.[0-9]{3}\\.[0-9]{4}");
  private static final int MIN_DIGITS = 7;
  private static final int MAX_DIGITS = 15;
  private static final int MAX_GROUP = 8;

  private final PhoneNumberUtil util;
  private final List<String> regions;

  private PhoneDetector(PhoneNumberUtil util, List<String> regions) {
    this.util = util;
    this.regions = regions;
  }

  /** A detector for numbers with a country code, and without one in {@code regions}. */
  static PhoneDetector create(List<String> regions) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    Set<String> supported = util.getSupportedRegions();
    List<String> upper = regions.stream().map(r -> r.strip().toUpperCase(Locale.ROOT)).toList();
    for (String region : upper) {
      if (!supported.contains(region)) {
        throw new IllegalArgumentException(
            "phone region: expected a two-letter region code such as US, GB or DE (one of "
                + supported.size()
                + " known to libphonenumber), found '"
                + region
                + "'");
      }
    }
    return new PhoneDetector(util, List.copyOf(upper));
  }

  @Override
  public PiiType type() {
    return PiiType.PHONE;
  }

  @Override
  public void find(String text, List<PiiEntity> out) {
    Matcher matcher = CANDIDATE.matcher(text);
    while (matcher.find()) {
      if (DigitGroups.boundaryBefore(text, matcher.start())) {
        findIn(text, matcher.start(), matcher.end(), out);
      }
    }
  }

  private void findIn(String text, int start, int end, List<PiiEntity> out) {
    int from = start;
    for (int dropFirst = 0; dropFirst < 2 && from < end; dropFirst++) {
      int to = end;
      for (int dropLast = 0; dropLast < 3 && to > from; dropLast++) {
        if ((to != end || DigitGroups.boundaryAfter(text, to))
            && isPhone(text.substring(from, to))) {
          out.add(new PiiEntity(PiiType.PHONE, from, to));
          return;
        }
        to = lastGroupStart(text, from, to);
      }
      from = nextGroupStart(text, from, end);
    }
  }

  private boolean isPhone(String candidate) {
    boolean international = candidate.startsWith("+") || candidate.startsWith("00");
    int digits = countDigits(candidate) - (candidate.startsWith("00") ? 2 : 0);
    if (digits < MIN_DIGITS || digits > MAX_DIGITS || DATE.matcher(candidate).matches()) {
      return false;
    }
    if (candidate.indexOf('.') >= 0
        && !international
        && !NANP_DOTTED.matcher(candidate).matches()) {
      return false;
    }
    if (international) {
      String plus = candidate.startsWith("00") ? "+" + candidate.substring(2) : candidate;
      return isValid(plus, "ZZ");
    }
    if (!isGrouped(candidate)) {
      return false;
    }
    for (String region : regions) {
      if (isValid(candidate, region)) {
        return true;
      }
    }
    return false;
  }

  private boolean isValid(String candidate, String region) {
    try {
      return util.isValidNumber(util.parse(candidate, region));
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** At least two digit groups, none longer than {@link #MAX_GROUP}. */
  private static boolean isGrouped(String candidate) {
    int groups = 0;
    int run = 0;
    for (int i = 0; i < candidate.length(); i++) {
      if (DigitGroups.isDigit(candidate.charAt(i))) {
        if (run++ == 0) {
          groups++;
        }
        if (run > MAX_GROUP) {
          return false;
        }
      } else {
        run = 0;
      }
    }
    return groups >= 2;
  }

  private static int countDigits(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      count += DigitGroups.isDigit(s.charAt(i)) ? 1 : 0;
    }
    return count;
  }

  /** The end of the candidate without its last digit group, or {@code from} when none is left. */
  private static int lastGroupStart(String text, int from, int to) {
    int pos = to;
    while (pos > from && DigitGroups.isDigit(text.charAt(pos - 1))) {
      pos--;
    }
    while (pos > from && !DigitGroups.isDigit(text.charAt(pos - 1))) {
      pos--;
    }
    return pos;
  }

  /** The start of the candidate's second digit group, or {@code end} when there is none. */
  private static int nextGroupStart(String text, int from, int end) {
    int pos = from;
    while (pos < end && !DigitGroups.isDigit(text.charAt(pos))) {
      pos++;
    }
    while (pos < end && DigitGroups.isDigit(text.charAt(pos))) {
      pos++;
    }
    while (pos < end && !DigitGroups.isDigit(text.charAt(pos)) && text.charAt(pos) != '(') {
      pos++;
    }
    return pos;
  }
}
