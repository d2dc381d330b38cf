package dev.scalpel.upstream.stub;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A failure the stub LLM can act out, switched on with {@link StubFaults} or per request with the
 * header {@code x-stub-fault: <name>} (the lower-case name, such as {@code server_error}).
 */
public enum Fault {
  /** Closes the connection without sending a response. */
  CONNECTION_RESET,
  /** 500 with an OpenAI-shaped {@code server_error}. */
  SERVER_ERROR,
  /** 503, as an overloaded server answers. */
  SERVICE_UNAVAILABLE,
  /** 429 with a {@code Retry-After} header and an OpenAI-shaped {@code rate_limit_exceeded}. */
  RATE_LIMITED,
  /** 200 whose body is not valid JSON. */
  MALFORMED_BODY,
  /** Sleeps (30 s by default, ended early by stopping the stub) before answering normally. */
  HANG,
  /** 400 with OpenAI's {@code context_length_exceeded} error. */
  CONTEXT_LENGTH_EXCEEDED,
  /**
   * A stream closes after a few chunks (2 by default) without {@code [DONE]}; a non-streaming
   * answer closes halfway through its body.
   */
  STREAM_BREAK;

  /** The name used in the {@code x-stub-fault} header. */
  public String headerValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The fault a header value names, or empty when it names none. */
  public static Optional<Fault> fromHeader(String value) {
    for (Fault fault : values()) {
      if (fault.headerValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(fault);
      }
    }
    return Optional.empty();
  }

  /** The valid header values, for error messages. */
  static String headerValues() {
    return Arrays.stream(values()).map(Fault::headerValue).collect(Collectors.joining(", "));
  }
}
