package dev.scalpel.knowledge;

/**
 * Where an answer's words come from, as returned to clients (the gateway puts a list of these in
 * its {@code scalpel} extension field).
 *
 * @param id the passage id ({@code returns.md#3})
 * @param source the document's path in the knowledge-base folder
 * @param title the passage's heading path
 */
public record Source(String id, String source, String title) {
  public Source {
    if (id == null || source == null || title == null) {
      throw new IllegalArgumentException("id, source and title are required");
    }
  }

  public static Source of(Passage passage) {
    return new Source(passage.id(), passage.source(), passage.title());
  }

  /** {@code Title (source)}: how sources are cited in answer text. */
  public String citation() {
    return title.isEmpty() ? source : title + " (" + source + ")";
  }
}
