package dev.scalpel.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@link DocumentSplitter}: sections first, then paragraphs within a long section. */
final class SectionSplitter implements DocumentSplitter {
  private final ParagraphPacker packer;

  SectionSplitter(SplitOptions options) {
    this.packer = new ParagraphPacker(options.maxWords());
  }

  static boolean isMarkdown(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".markdown");
  }

  static boolean isText(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  @Override
  public List<Passage> split(String source, String content) {
    String untitled = fileStem(source);
    List<MarkdownSections.Section> sections =
        isMarkdown(source)
            ? MarkdownSections.parse(content, untitled)
            : List.of(new MarkdownSections.Section(untitled, paragraphs(content)));
    List<Passage> passages = new ArrayList<>();
    for (MarkdownSections.Section section : sections) {
      for (String chunk : packer.pack(section.paragraphs())) {
        passages.add(
            new Passage(source + "#" + (passages.size() + 1), source, section.title(), chunk));
      }
    }
    return passages;
  }

  /** Blocks of plain text separated by blank lines. */
  private static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    for (String block : text.split("\\R[ \\t]*\\R")) {
      String stripped = block.strip();
      if (!stripped.isEmpty()) {
        paragraphs.add(stripped.replaceAll("[ \\t]+\\R", "\n"));
      }
    }
    return paragraphs;
  }

  private static String fileStem(String source) {
    String name = source.substring(source.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
