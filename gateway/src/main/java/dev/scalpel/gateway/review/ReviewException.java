package dev.scalpel.gateway.review;

/** A review action cannot be done: no such item, or a label that is not well formed. */
public final class ReviewException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReviewException(String message) {
    super(message);
  }
}
