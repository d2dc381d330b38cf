package dev.scalpel.guard.pii;

import java.util.List;

/**
 * US social security numbers written {@code AAA-GG-SSSS} (or with spaces), with the numbers the SSA
 * never issues left out: area 000, 666 or 900-999, group 00, serial 0000. Nine bare digits are not
 * taken: they are far more often order or account numbers.
 */
final class SsnDetector implements Detector {
  private static final List<String> SEPARATORS = List.of("-", " ");

  @Override
  public void find(String text, List<PiiEntity> out) {
    for (int pos = DigitGroups.nextDigit(text, 0); pos < text.length(); ) {
      int next = DigitGroups.endOfDigits(text, pos);
      // One separator at a time, so that "room 12 123-45-6789" still finds the number.
      for (String separator : SEPARATORS) {
        DigitGroups run = DigitGroups.at(text, pos, separator);
        if (run != null && isSsn(text, run)) {
          out.add(new PiiEntity(PiiType.US_SSN, run.start(), run.end()));
          next = run.end();
          break;
        }
      }
      pos = DigitGroups.nextDigit(text, next);
    }
  }

  private static boolean isSsn(String text, DigitGroups run) {
    if (run.groups().size() != 3
        || run.groupLength(0) != 3
        || run.groupLength(1) != 2
        || run.groupLength(2) != 4
        || !DigitGroups.boundaryAfter(text, run.end())) {
      return false;
    }
    String digits = run.digits(text, 0, 3);
    int area = Integer.parseInt(digits, 0, 3, 10);
    int group = Integer.parseInt(digits, 3, 5, 10);
    int serial = Integer.parseInt(digits, 5, 9, 10);
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }
}
