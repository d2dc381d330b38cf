package dev.scalpel.guard.pii;

import java.util.List;

/**
 * E-mail addresses: {@code local@domain.tld} with an ASCII local part of the usual characters and a
 * domain of at least two labels whose last is alphabetic ({@code user@localhost}, {@code
 * lodash@4.17.21} and {@code @handle} are not addresses). Found by scanning out from each
 * {@code @}, which is faster than a regex that must try every position.
 */
final class EmailDetector implements Detector {
  private static final int MAX_LOCAL = 64;

  @Override
  public void find(String text, List<PiiEntity> out) {
    int at = text.indexOf('@');
    while (at >= 0) {
      int next = at + 1;
      int start = localStart(text, at);
      if (start >= 0) {
        int end = domainEnd(text, at + 1);
        if (end > 0) {
          out.add(new PiiEntity(PiiType.EMAIL, start, end));
          next = end;
        }
      }
      at = text.indexOf('@', next);
    }
  }

  /** Start of the local part ending before {@code at}, or -1 when there is none. */
  private static int localStart(String text, int at) {
    int start = at;
    while (start > 0 && isLocalChar(text.charAt(start - 1))) {
      start--;
    }
    while (start < at && text.charAt(start) == '.') {
      start++;
    }
    if (start == at || at - start > MAX_LOCAL || text.charAt(at - 1) == '.') {
      return -1;
    }
    return start;
  }

  /** End (exclusive) of a valid domain starting at {@code from}, or -1. */
  private static int domainEnd(String text, int from) {
    int labels = 0;
    int pos = from;
    int lastLabelStart = from;
    int end = -1;
    while (true) {
      int labelStart = pos;
      while (pos < text.length() && isLabelChar(text.charAt(pos))) {
        pos++;
      }
      if (pos == labelStart
          || text.charAt(labelStart) == '-'
          || text.charAt(pos - 1) == '-'
          || pos - labelStart > 63) {
        break;
      }
      labels++;
      lastLabelStart = labelStart;
      end = pos;
      if (pos + 1 < text.length() && text.charAt(pos) == '.' && isLabelChar(text.charAt(pos + 1))) {
        pos++;
        continue;
      }
      break;
    }
    if (labels < 2 || !isTopLevel(text, lastLabelStart, end)) {
      return -1;
    }
    if (end < text.length() && (text.charAt(end) == '@' || text.charAt(end) == '_')) {
      return -1;
    }
    return end;
  }

  private static boolean isTopLevel(String text, int start, int end) {
    if (end - start < 2) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLocalChar(char c) {
    return isLabelChar(c) || c == '.' || c == '_' || c == '+' || c == '%';
  }

  private static boolean isLabelChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }
}
