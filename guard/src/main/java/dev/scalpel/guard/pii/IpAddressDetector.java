package dev.scalpel.guard.pii;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 addresses (four decimal octets 0-255 without leading zeros) and IPv6 addresses (RFC 4291
 * text forms, {@code ::} compression and an embedded IPv4 tail included; {@link Ipv6}). Not taken:
 * a dotted quad right after {@code version}, {@code v}, {@code build} and the like ({@code version
 * 10.0.19041.1}), three-part versions, times ({@code 12:30:45}), MAC addresses, and colon groups
 * without a digit ({@code dead::beef}, {@code std::map}).
 */
final class IpAddressDetector implements Detector {
  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\p{L}\\p{N}_]|\\.[0-9])");
  private static final Pattern IPV6_CANDIDATE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}"
              + "(?:\\.[0-9]{1,3}){0,3}(?![\\p{L}\\p{N}_:])");
  private static final Pattern VERSION_WORD =
      Pattern.compile("(?:version|ver|v|build|release|firmware|fw|os|ios|android)[ .:]*$");

  @Override
  public void find(String text, List<PiiEntity> out) {
    if (text.indexOf('.') >= 0) {
      Matcher matcher = IPV4.matcher(text);
      while (matcher.find()) {
        if (!afterVersionWord(text, matcher.start())) {
          out.add(new PiiEntity(PiiType.IP_ADDRESS, matcher.start(), matcher.end()));
        }
      }
    }
    int colon = text.indexOf(':');
    if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
      Matcher matcher = IPV6_CANDIDATE.matcher(text);
      while (matcher.find()) {
        if (Ipv6.isAddress(matcher.group())) {
          out.add(new PiiEntity(PiiType.IP_ADDRESS, matcher.start(), matcher.end()));
        }
      }
    }
  }

  private static boolean afterVersionWord(String text, int start) {
    int from = Math.max(0, start - 12);
    String before = text.substring(from, start).toLowerCase(Locale.ROOT);
    Matcher matcher = VERSION_WORD.matcher(before);
    if (!matcher.find()) {
      return false;
    }
    int wordStart = from + matcher.start();
    return wordStart == 0 || !Character.isLetterOrDigit(text.charAt(wordStart - 1));
  }
}
