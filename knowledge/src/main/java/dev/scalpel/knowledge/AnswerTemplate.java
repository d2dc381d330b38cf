package dev.scalpel.knowledge;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the best passages for a request into the answer, as a configured label does in the gateway.
 * Placeholders, in the gateway's {@code {{name}}} style:
 *
 * <ul>
 *   <li>{@code {{passage}}}: the text of the best passage
 *   <li>{@code {{passages}}}: the texts of the best {@code passages} passages, a blank line apart
 *   <li>{@code {{title}}}, {@code {{source}}}: the best passage's heading path and document
 *   <li>{@code {{sources}}}: the passages used, cited as {@code Title (source)}, separated by "; "
 * </ul>
 *
 * <p>The template is checked when it is made (unknown placeholders, no passage text), so a bad
 * configuration fails at start rather than on a request.
 *
 * @param template the answer text with placeholders
 * @param passages how many of the best passages an answer may use (at least 1)
 */
public record AnswerTemplate(String template, int passages) {
  /** The best passage, then its citation. */
  public static final String DEFAULT = "{{passage}}\n\nSource: {{sources}}";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
  // Ordered, so that error messages are the same on every run.
  private static final List<String> KNOWN =
      List.of("passage", "passages", "title", "source", "sources");

  public AnswerTemplate {
    if (template == null || template.isBlank()) {
      throw new IllegalArgumentException("answer template must not be blank");
    }
    if (passages < 1) {
      throw new IllegalArgumentException("an answer uses at least 1 passage, found " + passages);
    }
    boolean quotesPassages = false;
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      String name = m.group(1);
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException(
            "unknown placeholder {{"
                + name
                + "}} in answer template (expected one of "
                + KNOWN
                + ")");
      }
      quotesPassages |= name.equals("passage") || name.equals("passages");
    }
    if (!quotesPassages) {
      throw new IllegalArgumentException(
          "answer template must contain {{passage}} or {{passages}}, found: " + template);
    }
  }

  public static AnswerTemplate defaults() {
    return new AnswerTemplate(DEFAULT, 1);
  }

  /**
   * The answer from {@code hits} (best first, as search returns them); uses the first {@link
   * #passages()} of them.
   */
  public GroundedAnswer render(List<Hit> hits) {
    if (hits.isEmpty()) {
      throw new IllegalArgumentException("an answer needs at least one passage");
    }
    List<Passage> used = hits.stream().limit(passages).map(Hit::passage).toList();
    List<Source> sources = used.stream().map(Source::of).toList();
    Passage best = used.getFirst();
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "passage" -> best.text();
            case "passages" -> String.join("\n\n", used.stream().map(Passage::text).toList());
            case "title" -> best.title();
            case "source" -> best.source();
            case "sources" -> String.join("; ", sources.stream().map(Source::citation).toList());
            default -> throw new IllegalStateException("checked in the constructor: " + m.group());
          };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return new GroundedAnswer(out.toString(), sources);
  }
}
