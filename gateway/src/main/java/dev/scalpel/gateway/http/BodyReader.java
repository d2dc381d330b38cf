package dev.scalpel.gateway.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit; a larger one is a 413 in OpenAI's shape, read no further than
 * the limit.
 */
final class BodyReader {
  private BodyReader() {}

  static byte[] read(Context ctx, int maxBytes) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge(Long.toString(declared), maxBytes);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw tooLarge("more than " + maxBytes, maxBytes);
      }
      return body;
    } catch (IOException e) {
      throw ApiException.invalid("", "the request body could not be read: " + e.getMessage());
    }
  }

  private static ApiException tooLarge(String size, int maxBytes) {
    return new ApiException(
        413,
        "invalid_request_error",
        "request_too_large",
        "",
        "the request body has " + size + " bytes; this gateway accepts at most " + maxBytes);
  }
}
