package dev.scalpel.gateway.accounting;

/**
 * The request log cannot be opened, read or written. The message names the database file and says
 * what was expected and what was found.
 */
public final class RequestLogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RequestLogException(String message) {
    super(message);
  }

  public RequestLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
