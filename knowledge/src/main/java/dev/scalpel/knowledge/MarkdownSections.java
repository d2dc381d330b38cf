package dev.scalpel.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a Markdown document into sections at its ATX headings ({@code #} to {@code ######}), each
 * with its heading path and its paragraphs (blocks separated by blank lines; a fenced code block is
 * one paragraph and its lines are never taken for headings). YAML front matter is skipped. Setext
 * headings (underlined with {@code ===}) are read as text: a line of dashes is also a thematic
 * break, and guessing wrong would cut sections in the wrong place.
 */
final class MarkdownSections {
  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$");
  private static final Pattern CLOSING_HASHES = Pattern.compile("(?:^|[ \\t]+)#+$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  static final String PATH_SEPARATOR = " > ";

  /** A heading path and the paragraphs under it, before the next heading. */
  record Section(String title, List<String> paragraphs) {}

  private MarkdownSections() {}

  /**
   * The sections of {@code markdown} in document order; text before the first heading gets {@code
   * untitled} as its title. Sections without text (a heading directly followed by a subheading) are
   * left out.
   */
  static List<Section> parse(String markdown, String untitled) {
    List<String> lines = markdown.lines().toList();
    List<Section> sections = new ArrayList<>();
    String[] path = new String[7];
    String title = untitled;
    List<String> paragraphs = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    String fence = null;
    for (int i = frontMatterEnd(lines); i < lines.size(); i++) {
      String line = lines.get(i);
      if (fence != null) {
        append(paragraph, line);
        if (closes(line, fence)) {
          fence = null;
          flush(paragraph, paragraphs);
        }
        continue;
      }
      Matcher opening = FENCE.matcher(line);
      if (opening.find()) {
        flush(paragraph, paragraphs);
        append(paragraph, line);
        fence = opening.group(1);
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        flush(paragraph, paragraphs);
        add(sections, title, paragraphs);
        paragraphs = new ArrayList<>();
        int level = heading.group(1).length();
        path[level] = headingText(heading.group(2));
        for (int deeper = level + 1; deeper < path.length; deeper++) {
          path[deeper] = null;
        }
        title = join(path, untitled);
        continue;
      }
      if (line.isBlank()) {
        flush(paragraph, paragraphs);
      } else {
        append(paragraph, line);
      }
    }
    flush(paragraph, paragraphs);
    add(sections, title, paragraphs);
    return sections;
  }

  /** A closing fence: only the opening fence's character, at least as many times. */
  private static boolean closes(String line, String fence) {
    String stripped = line.strip();
    char c = fence.charAt(0);
    return stripped.length() >= fence.length() && stripped.chars().allMatch(x -> x == c);
  }

  private static String headingText(String raw) {
    if (raw == null) {
      return "";
    }
    return CLOSING_HASHES.matcher(raw).replaceFirst("").strip();
  }

  private static String join(String[] path, String untitled) {
    List<String> parts = new ArrayList<>();
    for (String part : path) {
      if (part != null && !part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? untitled : String.join(PATH_SEPARATOR, parts);
  }

  /** The index of the first line after a leading {@code ---} ... {@code ---} block, or 0. */
  private static int frontMatterEnd(List<String> lines) {
    if (lines.isEmpty() || !lines.getFirst().strip().equals("---")) {
      return 0;
    }
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.equals("---") || line.equals("...")) {
        return i + 1;
      }
    }
    return 0;
  }

  private static void append(StringBuilder paragraph, String line) {
    if (!paragraph.isEmpty()) {
      paragraph.append('\n');
    }
    paragraph.append(line.stripTrailing());
  }

  private static void flush(StringBuilder paragraph, List<String> paragraphs) {
    String text = paragraph.toString().strip();
    if (!text.isEmpty()) {
      paragraphs.add(text);
    }
    paragraph.setLength(0);
  }

  private static void add(List<Section> sections, String title, List<String> paragraphs) {
    if (!paragraphs.isEmpty()) {
      sections.add(new Section(title, List.copyOf(paragraphs)));
    }
  }
}
