package dev.scalpel.guard.pii;

import java.util.List;

/**
 * Payment card numbers: 13 to 19 digits, written without separators or in the groups cards are
 * printed in (4-4-4-4, 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4) with spaces or dashes, starting with a
 * card network's prefix ({@link CardBrands}) and passing the Luhn check. Order and tracking numbers
 * fail one of the three tests nine times in ten or more. Digits inside an IBAN-shaped string
 * ({@link IbanPrefix}) are never a card.
 */
final class CardDetector implements Detector {
  @Override
  public void find(String text, List<PiiEntity> out) {
    for (int pos = DigitGroups.nextDigit(text, 0); pos < text.length(); ) {
      DigitGroups run = DigitGroups.at(text, pos, " -");
      if (run != null) {
        findInRun(text, run, out);
      }
      pos =
          DigitGroups.nextDigit(text, run == null ? DigitGroups.endOfDigits(text, pos) : run.end());
    }
  }

  /**
   * A run of space-separated groups may hold a card and more (a year after it): try each
   * card-shaped window of groups. Dashes join a run into one code, which is a card or nothing.
   */
  private static void findInRun(String text, DigitGroups run, List<PiiEntity> out) {
    if (IbanPrefix.precedes(text, run.start())) {
      return;
    }
    int count = run.groups().size();
    if (run.separator() == '-') {
      if (isCard(text, run, 0, count)) {
        out.add(new PiiEntity(PiiType.CREDIT_CARD, run.start(), run.end()));
      }
      return;
    }
    int from = 0;
    while (from < count) {
      int found = -1;
      for (int to = Math.min(count, from + 5); to > from && found < 0; to--) {
        if (isCard(text, run, from, to)) {
          found = to;
        }
      }
      if (found > 0) {
        out.add(
            new PiiEntity(PiiType.CREDIT_CARD, run.groups().get(from)[0], groupEnd(run, found)));
        from = found;
      } else {
        from++;
      }
    }
  }

  private static boolean isCard(String text, DigitGroups run, int from, int to) {
    int end = groupEnd(run, to);
    if (to == run.groups().size() && !DigitGroups.boundaryAfter(text, end)) {
      return false;
    }
    if (!isCardGrouping(run, from, to)) {
      return false;
    }
    String digits = run.digits(text, from, to);
    return digits.length() >= 13
        && digits.length() <= 19
        && CardBrands.plausible(digits)
        && Luhn.isValid(digits);
  }

  private static int groupEnd(DigitGroups run, int to) {
    return run.groups().get(to - 1)[1];
  }

  private static boolean isCardGrouping(DigitGroups run, int from, int to) {
    int count = to - from;
    if (count == 1) {
      return true;
    }
    if (count == 3 && run.groupLength(from) == 4 && run.groupLength(from + 1) == 6) {
      int last = run.groupLength(from + 2);
      return last == 5 || last == 4;
    }
    if (count < 4) {
      return false;
    }
    for (int i = from; i < to - 1; i++) {
      if (run.groupLength(i) != 4) {
        return false;
      }
    }
    return run.groupLength(to - 1) <= 4;
  }
}
