package dev.scalpel.knowledge;

import dev.scalpel.core.data.DataFormatException;
import dev.scalpel.core.data.StrictUtf8;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The passages of every Markdown and text document under a folder, ready to index.
 *
 * @param folder the folder that was read
 * @param options how documents were split
 * @param documents the documents' paths relative to {@code folder}, sorted
 * @param passages every document's passages, documents in sorted order
 */
public record Corpus(
    Path folder, SplitOptions options, List<String> documents, List<Passage> passages) {
  public Corpus {
    if (folder == null || options == null) {
      throw new IllegalArgumentException("folder and options are required");
    }
    documents = List.copyOf(documents);
    passages = List.copyOf(passages);
  }

  /**
   * Reads {@code .md}, {@code .markdown} and {@code .txt} files (UTF-8) under {@code folder},
   * recursively, skipping hidden files and folders. Fails with a {@link DataFormatException} when
   * the folder is missing or holds no document with text, or a file is not UTF-8.
   */
  public static Corpus read(Path folder, SplitOptions options) {
    if (!Files.exists(folder)) {
      throw new DataFormatException(folder, 0, "folder not found");
    }
    if (!Files.isDirectory(folder)) {
      throw new DataFormatException(
          folder, 0, "not a folder (expected a folder of .md or .txt documents)");
    }
    DocumentSplitter splitter = DocumentSplitter.create(options);
    List<String> documents = new ArrayList<>();
    List<Passage> passages = new ArrayList<>();
    for (Path file : documentFiles(folder)) {
      String source = relativeName(folder, file);
      documents.add(source);
      passages.addAll(splitter.split(source, StrictUtf8.read(file)));
    }
    if (documents.isEmpty()) {
      throw new DataFormatException(
          folder, 0, "no documents to index (expected .md, .markdown or .txt files)");
    }
    if (passages.isEmpty()) {
      throw new DataFormatException(
          folder, 0, "the " + documents.size() + " documents found contain no text");
    }
    return new Corpus(folder, options, documents, passages);
  }

  private static List<Path> documentFiles(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths
          .filter(p -> !p.equals(folder))
          .filter(p -> !hidden(folder, p))
          .filter(Files::isRegularFile)
          .filter(p -> DocumentSplitter.isDocument(p.getFileName().toString()))
          .sorted((a, b) -> relativeName(folder, a).compareTo(relativeName(folder, b)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(
          "cannot list " + folder + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static boolean hidden(Path folder, Path file) {
    for (Path part : folder.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String relativeName(Path folder, Path file) {
    return folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
