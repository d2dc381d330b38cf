package dev.scalpel.guard.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
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
 *       configured regions and grouped as that region writes its numbers; a bare run of digits
 *       without {@code +} is an order or account number more often than a phone number and is not
 *       taken, and neither are digits that follow an IBAN's country code and check digits.
 *   <li>Never taken: dates ({@code 2024-03-15}, {@code 15.03.2024}), dotted versions and addresses
 *       other than {@code 415.555.2671}, anything with fewer than 7 or more than 15 digits (card
 *       numbers, IBAN digits).
 * </ul>
 *
 * A candidate that is not valid as a whole is searched for a valid window of its digit groups, so
 * that {@code call 415-555-2671 2 times} still finds the number.
 */
final class PhoneDetector implements Detector {
  private static final Pattern CANDIDATE = Pattern.compile("[+(]?[0-9][0-9 ().\\-]{4,40}[0-9]");
  private static final Pattern DATE = Pattern.compile("[0-9]{1,4}([-./])[0-9]{1,2}\\1[0-9]{1,4}");
  private static final Pattern NANP_DOTTED = Pattern.compile("[0-9]{3}\\.[0-9]{3}\\.[0-9]{4}");
  private static final int MIN_DIGITS = 7;
  private static final int MAX_DIGITS = 15;

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
  public void find(String text, List<PiiEntity> out) {
    Matcher matcher = CANDIDATE.matcher(text);
    while (matcher.find()) {
      if (DigitGroups.boundaryBefore(text, matcher.start())) {
        findIn(text, matcher.start(), matcher.end(), out);
      }
    }
  }

  /**
   * Tries the windows of whole digit groups of a candidate, longest first from the left, so that a
   * phone number next to other numbers ({@code room 12 415 555 2671 2 times}) is still found.
   */
  private void findIn(String text, int start, int end, List<PiiEntity> out) {
    List<int[]> groups = groups(text, start, end);
    int first = 0;
    while (first < groups.size()) {
      int found = -1;
      int digits = 0;
      int last = first;
      while (last < groups.size() && digits + length(groups.get(last)) <= MAX_DIGITS) {
        digits += length(groups.get(last++));
      }
      for (int to = last; to > first && found < 0; to--) {
        int windowEnd = groups.get(to - 1)[1];
        String window = text.substring(groups.get(first)[0], windowEnd);
        if ((to < groups.size() || DigitGroups.boundaryAfter(text, windowEnd))
            && isPhone(text, groups.get(first)[0], window, first == 0)) {
          out.add(new PiiEntity(PiiType.PHONE, groups.get(first)[0], windowEnd));
          found = to;
        }
      }
      first = found > 0 ? found : first + 1;
    }
  }

  /**
   * The digit groups of a candidate as {start, end, digits}, each starting at the {@code +} or
   * {@code (} right before it.
   */
  private static List<int[]> groups(String text, int start, int end) {
    List<int[]> groups = new ArrayList<>();
    int pos = start;
    while (pos < end) {
      while (pos < end && !DigitGroups.isDigit(text.charAt(pos))) {
        pos++;
      }
      int groupStart = pos;
      while (pos < end && DigitGroups.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos > groupStart) {
        char before = groupStart > start ? text.charAt(groupStart - 1) : ' ';
        boolean opens = before == '(' || (before == '+' && groupStart - 1 == start);
        groups.add(new int[] {opens ? groupStart - 1 : groupStart, pos, pos - groupStart});
      }
    }
    return groups;
  }

  private static int length(int[] group) {
    return group[2];
  }

  /**
   * Whether a window is a phone number; {@code first} is false for a window that starts after other
   * digit groups, where {@code 00} is more likely part of a longer number than an international
   * prefix ({@code 5134 0036 8570 7227}).
   */
  private boolean isPhone(String text, int start, String candidate, boolean first) {
    if (candidate.startsWith("00") && !first) {
      return false;
    }
    boolean international = candidate.startsWith("+") || candidate.startsWith("00");
    int digits = countDigits(candidate) - (candidate.startsWith("00") ? 2 : 0);
    if (digits < MIN_DIGITS || digits > MAX_DIGITS || DATE.matcher(candidate).matches()) {
      return false;
    }
    if (international) {
      String plus = candidate.startsWith("00") ? "+" + candidate.substring(2) : candidate;
      PhoneNumber number = parse(plus, "ZZ");
      return number != null && util.isValidNumber(number);
    }
    if (candidate.indexOf('.') >= 0 && !NANP_DOTTED.matcher(candidate).matches()) {
      return false;
    }
    if (IbanPrefix.precedes(text, start)) {
      return false;
    }
    for (String region : regions) {
      if (isWrittenAsInRegion(candidate, region)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Valid in {@code region} and grouped the way the region writes its numbers ({@code (415)
   * 555-2671}, {@code 415.555.2671}, {@code 1 415 555 2671} in the US; {@code 020 7946 0958} in the
   * UK). Dates with a time, IBAN digits and order numbers that happen to be valid numbers are
   * grouped otherwise.
   */
  private boolean isWrittenAsInRegion(String candidate, String region) {
    PhoneNumber number = parse(candidate, region);
    if (number == null || !util.isValidNumber(number)) {
      return false;
    }
    List<Integer> written = groupSizes(candidate);
    List<Integer> usual = groupSizes(util.format(number, PhoneNumberFormat.NATIONAL));
    if (written.equals(usual)) {
      return true;
    }
    String trunkPrefix = util.getNddPrefixForRegion(region, true);
    return trunkPrefix != null
        && written.size() == usual.size() + 1
        && written.get(0) == trunkPrefix.length()
        && candidate.replaceAll("[^0-9]", "").startsWith(trunkPrefix)
        && written.subList(1, written.size()).equals(usual);
  }

  /** The parsed number, or null when libphonenumber cannot read it as one. */
  private PhoneNumber parse(String candidate, String region) {
    try {
      return util.parse(candidate, region);
    } catch (NumberParseException e) {
      return null;
    }
  }

  private static List<Integer> groupSizes(String s) {
    List<Integer> sizes = new ArrayList<>();
    int run = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i < s.length() && DigitGroups.isDigit(s.charAt(i))) {
        run++;
      } else if (run > 0) {
        sizes.add(run);
        run = 0;
      }
    }
    return sizes;
  }

  private static int countDigits(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      count += DigitGroups.isDigit(s.charAt(i)) ? 1 : 0;
    }
    return count;
  }
}
