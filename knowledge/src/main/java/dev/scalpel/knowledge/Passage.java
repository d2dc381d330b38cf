package dev.scalpel.knowledge;

/**
 * A retrievable piece of a knowledge-base document: one Markdown section, or part of a long one.
 *
 * @param id stable within an index: the source path, {@code #}, and the passage's 1-based ordinal
 *     in its document ({@code returns.md#3})
 * @param source the document's path relative to the indexed folder, with {@code /} separators
 * @param title the heading path of the section ({@code Returns > Return window}), or the file name
 *     for text before any heading and for plain text files
 * @param text the passage's text, Markdown kept as written
 */
public record Passage(String id, String source, String title, String text) {
  public Passage {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("passage id must not be blank");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("passage source must not be blank (id " + id + ")");
    }
    if (title == null) {
      throw new IllegalArgumentException("passage title must not be null (id " + id + ")");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("passage text must not be blank (id " + id + ")");
    }
  }

  /** What is indexed for both BM25 and the embedding: the heading path, then the text. */
  public String searchableText() {
    return title.isEmpty() ? text : title + "\n\n" + text;
  }
}
