package dev.scalpel.knowledge;

import java.util.List;

/**
 * Splits one document into passages. Markdown ({@code .md}, {@code .markdown}): every heading
 * starts a section titled with its heading path; plain text (anything else): the whole file is one
 * section titled with its file name. A section longer than {@link SplitOptions#maxWords()} is split
 * on paragraph boundaries. The result depends on the text and the options only.
 */
public interface DocumentSplitter {
  static DocumentSplitter create(SplitOptions options) {
    return new SectionSplitter(options);
  }

  /**
   * The passages of the document at {@code source} (a relative path with {@code /} separators,
   * which also names the passages' ids), in document order; none for an empty document.
   */
  List<Passage> split(String source, String content);

  /** Whether {@code fileName} is a document this splitter reads: Markdown or plain text. */
  static boolean isDocument(String fileName) {
    return SectionSplitter.isMarkdown(fileName) || SectionSplitter.isText(fileName);
  }
}
