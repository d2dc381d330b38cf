package dev.scalpel.guard.pii;

/**
 * Strict check of an IPv6 address in text form: eight groups of one to four hex digits, or fewer
 * with one {@code ::}, the last two groups possibly written as a dotted IPv4 address. Unlike {@code
 * InetAddress} it never resolves a name. Groups without any decimal digit are refused ({@code
 * dead::beef}): in prose they are words more often than addresses.
 */
final class Ipv6 {
  private Ipv6() {}

  static boolean isAddress(String s) {
    if (s.length() < 3 || !hasDigit(s)) {
      return false;
    }
    int compression = s.indexOf("::");
    if (compression >= 0 && s.indexOf("::", compression + 1) >= 0) {
      return false;
    }
    int groups;
    if (compression < 0) {
      groups = countGroups(s);
      return groups == 8;
    }
    String head = s.substring(0, compression);
    String tail = s.substring(compression + 2);
    int headGroups = head.isEmpty() ? 0 : countGroups(head);
    int tailGroups = tail.isEmpty() ? 0 : countGroups(tail);
    if (headGroups < 0 || tailGroups < 0) {
      return false;
    }
    if (!head.isEmpty() && head.contains(".")) {
      return false;
    }
    return headGroups + tailGroups <= 7;
  }

  /** Groups in a colon-separated list, an IPv4 tail counting two; -1 when a group is malformed. */
  private static int countGroups(String s) {
    String[] parts = s.split(":", -1);
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && part.contains(".")) {
        if (!isIpv4(part)) {
          return -1;
        }
        count += 2;
      } else if (part.isEmpty() || part.length() > 4 || !isHex(part)) {
        return -1;
      } else {
        count++;
      }
    }
    return count;
  }

  private static boolean isIpv4(String s) {
    String[] octets = s.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty()
          || octet.length() > 3
          || (octet.length() > 1 && octet.charAt(0) == '0')
          || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        return true;
      }
    }
    return false;
  }
}
