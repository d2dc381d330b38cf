package dev.scalpel.gateway.access;

/**
 * The key store or the budget ledger cannot read or write its database. The message names the
 * database file and what was being done.
 */
public final class AccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccessException(String message) {
    super(message);
  }

  public AccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
