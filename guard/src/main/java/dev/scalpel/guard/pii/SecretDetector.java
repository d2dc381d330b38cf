package dev.scalpel.guard.pii;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys, access tokens and private keys, by three rules:
 *
 * <ol>
 *   <li>Well-known shapes, whatever the context: OpenAI and Anthropic {@code sk-...}/{@code
 *       sk-proj-...}, Stripe {@code sk_live_...}, AWS {@code AKIA...}/{@code ASIA...}, GitHub
 *       {@code ghp_...}/{@code github_pat_...}, Slack {@code xoxb-...}/{@code xoxp-...}, Google
 *       {@code AIza...}, GitLab {@code glpat-...}, Hugging Face {@code hf_...}, npm {@code
 *       npm_...}, SendGrid {@code SG.x.y}, JSON Web Tokens {@code eyJ...x.y.z}, and PEM private key
 *       blocks.
 *   <li>Any token of 32 or more characters from the base64/base64url alphabet that looks random:
 *       upper case, lower case and digits all present, less than half of it in runs of three or
 *       more lower-case letters (identifiers such as {@code CustomerAccountService2024} are made of
 *       words), and at least 3.5 bits of entropy per character ({@link TokenShape}). Hex-only
 *       strings (hashes, UUIDs) fail the mixed-class test.
 *   <li>After a word that announces a secret ({@code api key}, {@code token}, {@code secret},
 *       {@code password}, {@code bearer}, ...), any token of 16 or more characters with letters and
 *       digits, hex included.
 * </ol>
 *
 * Tokens after {@code base64,} (inline data URLs) are content, not credentials, and are left alone.
 */
final class SecretDetector implements Detector {
  private static final Pattern KNOWN_SHAPES =
      Pattern.compile(
          "(?<![A-Za-z0-9_-])(?:"
              + "sk-(?:proj-|svcacct-|admin-|ant-[a-z]+[0-9]*-)?[A-Za-z0-9_-]{20,}"
              + "|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}"
              + "|(?:AKIA|ASIA)[0-9A-Z]{16}"
              + "|gh[pousr]_[A-Za-z0-9]{30,}"
              + "|github_pat_[A-Za-z0-9_]{22,}"
              + "|xox[abposr]-[A-Za-z0-9-]{10,}"
              + "|AIza[0-9A-Za-z_-]{35}"
              + "|glpat-[A-Za-z0-9_-]{20,}"
              + "|hf_[A-Za-z0-9]{30,}"
              + "|npm_[A-Za-z0-9]{36}"
              + "|SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"
              + "|eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"
              + ")(?![A-Za-z0-9_-])");
  private static final Pattern PRIVATE_KEY =
      Pattern.compile(
          "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----");
  private static final Pattern ANNOUNCED =
      Pattern.compile(
          "(?:api[ _-]?key|apikey|access[ _-]?key|secret|token|password|passwd|pwd|bearer"
              + "|authorization|auth|credentials?|client[ _-]?secret)"
              + "[\"']?\\s*(?:[:=]|:=|=>|is)?\\s*[\"']?$");
  private static final int RANDOM_MIN = 32;
  private static final int ANNOUNCED_MIN = 16;
  private static final int LOOK_BACK = 32;

  @Override
  public void find(String text, List<PiiEntity> out) {
    Matcher known = KNOWN_SHAPES.matcher(text);
    while (known.find()) {
      out.add(new PiiEntity(PiiType.SECRET, known.start(), known.end()));
    }
    if (text.contains("-----BEGIN ")) {
      Matcher key = PRIVATE_KEY.matcher(text);
      while (key.find()) {
        out.add(new PiiEntity(PiiType.SECRET, key.start(), key.end()));
      }
    }
    findTokens(text, out);
  }

  /** Rules 2 and 3 over every maximal run of token characters. */
  private static void findTokens(String text, List<PiiEntity> out) {
    int n = text.length();
    int pos = 0;
    while (pos < n) {
      if (!isTokenChar(text.charAt(pos))) {
        pos++;
        continue;
      }
      int start = pos;
      while (pos < n && isTokenChar(text.charAt(pos))) {
        pos++;
      }
      // Base64 padding ends a token; inside one, '=' separates a name from its value.
      for (int pad = 0; pad < 2 && pos < n && text.charAt(pos) == '='; pad++) {
        pos++;
      }
      int end = pos;
      // Token characters that also punctuate prose are not part of the secret at its edges.
      while (start < end && "-_+/=".indexOf(text.charAt(start)) >= 0) {
        start++;
      }
      while (end > start && "-_+/".indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      if (end - start >= ANNOUNCED_MIN && isSecret(text, start, end)) {
        out.add(new PiiEntity(PiiType.SECRET, start, end));
      }
    }
  }

  private static boolean isSecret(String text, int start, int end) {
    if (start > 0 && !boundary(text.charAt(start - 1))) {
      return false;
    }
    String before = text.substring(Math.max(0, start - LOOK_BACK), start).toLowerCase(Locale.ROOT);
    if (before.endsWith("base64,")) {
      return false;
    }
    TokenShape shape = TokenShape.of(text, start, end);
    if (end - start >= RANDOM_MIN && shape.looksRandom()) {
      return true;
    }
    return shape.hasLetter() && shape.hasDigit() && announcesSecret(before);
  }

  private static boolean announcesSecret(String before) {
    Matcher matcher = ANNOUNCED.matcher(before);
    if (!matcher.find()) {
      return false;
    }
    return matcher.start() == 0 || !Character.isLetter(before.charAt(matcher.start() - 1));
  }

  private static boolean boundary(char c) {
    return !Character.isLetterOrDigit(c) && c != '.' && c != '@';
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '+'
        || c == '/';
  }
}
