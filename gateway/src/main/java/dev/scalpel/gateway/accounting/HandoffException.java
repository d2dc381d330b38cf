package dev.scalpel.gateway.accounting;

/** A hand-off cannot be resolved: it does not exist or someone already resolved it. */
public final class HandoffException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HandoffException(String message) {
    super(message);
  }
}
