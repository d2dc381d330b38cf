package dev.scalpel.gateway.http;

/**
 * An error answered in OpenAI's shape: {@code {"error":{"message","type","param","code"}}} with an
 * HTTP status. Thrown by request handling, turned into a response in one place.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String code;
  private final String param;
  private final String retryAfter;

  public ApiException(int status, String type, String code, String param, String message) {
    this(status, type, code, param, message, "");
  }

  public ApiException(
      int status, String type, String code, String param, String message, String retryAfter) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.retryAfter = retryAfter;
  }

  /** 400 {@code invalid_request_error}, naming the offending parameter. */
  public static ApiException invalid(String param, String message) {
    return new ApiException(400, "invalid_request_error", "invalid_request", param, message);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  public String param() {
    return param;
  }

  /** The Retry-After header value to send, or empty. */
  public String retryAfter() {
    return retryAfter;
  }
}
