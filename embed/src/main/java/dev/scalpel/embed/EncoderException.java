package dev.scalpel.embed;

/** An encoder that cannot be loaded or run; the message says which file and what went wrong. */
public final class EncoderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EncoderException(String message, Throwable cause) {
    super(message, cause);
  }

  public EncoderException(String message) {
    super(message);
  }
}
