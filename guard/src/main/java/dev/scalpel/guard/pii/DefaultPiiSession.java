package dev.scalpel.guard.pii;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers placeholders per type across the texts of one request and remembers the originals. */
final class DefaultPiiSession implements PiiSession {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Z]+(?:_[A-Z]+)*)_([0-9]+)]");

  private final PiiRedactor redactor;
  private final Map<PiiType, Integer> counters = new EnumMap<>(PiiType.class);
  private final Map<String, String> placeholderByValue = new HashMap<>();
  private final Map<String, String> originalByPlaceholder = new HashMap<>();
  private final Set<String> literalPlaceholders = new HashSet<>();

  DefaultPiiSession(PiiRedactor redactor) {
    this.redactor = redactor;
  }

  @Override
  public Redaction redact(String text) {
    reserveLiterals(text);
    List<PiiEntity> entities = redactor.detect(text);
    if (entities.isEmpty()) {
      return new Redaction(text, entities);
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (PiiEntity entity : entities) {
      String original = text.substring(entity.start(), entity.end());
      out.append(text, at, entity.start()).append(placeholderFor(entity.type(), original));
      at = entity.end();
    }
    out.append(text, at, text.length());
    return new Redaction(out.toString(), entities);
  }

  @Override
  public List<Redaction> redactAll(List<String> texts) {
    texts.forEach(this::reserveLiterals);
    List<Redaction> redactions = new ArrayList<>(texts.size());
    for (String text : texts) {
      redactions.add(redact(text));
    }
    return List.copyOf(redactions);
  }

  @Override
  public String restore(String answer) {
    if (originalByPlaceholder.isEmpty() || answer.indexOf('[') < 0) {
      return answer;
    }
    Matcher matcher = PLACEHOLDER.matcher(answer);
    return matcher.replaceAll(
        m -> Matcher.quoteReplacement(originalByPlaceholder.getOrDefault(m.group(), m.group())));
  }

  @Override
  public int size() {
    return originalByPlaceholder.size();
  }

  private String placeholderFor(PiiType type, String original) {
    String key = type.wireName() + ':' + canonical(type, original);
    String known = placeholderByValue.get(key);
    if (known != null) {
      return known;
    }
    String placeholder;
    do {
      int number = counters.merge(type, 1, Integer::sum);
      placeholder = type.placeholder(number);
    } while (literalPlaceholders.contains(placeholder));
    placeholderByValue.put(key, placeholder);
    originalByPlaceholder.put(placeholder, original);
    return placeholder;
  }

  /** The form under which two spellings of one value count as the same value. */
  private static String canonical(PiiType type, String value) {
    return switch (type) {
      case PHONE, CREDIT_CARD, US_SSN -> value.replaceAll("[^0-9]", "");
      case IBAN -> value.replace(" ", "").toUpperCase(Locale.ROOT);
      case EMAIL, IP_ADDRESS -> value.toLowerCase(Locale.ROOT);
      case SECRET -> value;
    };
  }

  private void reserveLiterals(String text) {
    if (text.indexOf('[') < 0) {
      return;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      literalPlaceholders.add(matcher.group());
    }
  }
}
