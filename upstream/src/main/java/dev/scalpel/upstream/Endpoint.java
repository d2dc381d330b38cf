package dev.scalpel.upstream;

/** The upstream API paths Scalpel calls, and the array a good answer must carry. */
enum Endpoint {
  CHAT_COMPLETIONS("chat/completions", "choices"),
  EMBEDDINGS("embeddings", "data");

  private final String path;
  private final String requiredArray;

  Endpoint(String path, String requiredArray) {
    this.path = path;
    this.requiredArray = requiredArray;
  }

  String path() {
    return path;
  }

  String requiredArray() {
    return requiredArray;
  }
}
