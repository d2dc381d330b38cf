package dev.scalpel.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream line by line as UTF-8 and refuses malformed bytes with the line where they are,
 * instead of silently turning them into U+FFFD as an {@code InputStreamReader} would. Lines end at
 * {@code \n} or {@code \r\n}; a byte order mark at the start is dropped.
 */
final class StrictUtf8Lines {
  private final InputStream in;
  private final String source;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int lineNumber;

  /** Lines of {@code in}; {@code source} names it in error messages ({@code stdin}). */
  StrictUtf8Lines(InputStream in, String source) {
    this.in = new BufferedInputStream(in);
    this.source = source;
  }

  /** The 1-based number of the line last returned. */
  int lineNumber() {
    return lineNumber;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  String next() throws IOException {
    line.reset();
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      line.write(b);
      b = in.read();
    }
    lineNumber++;
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    String text = decode(bytes, length);
    return lineNumber == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private String decode(byte[] bytes, int length) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
    try {
      CharBuffer chars = decoder.reset().decode(buffer);
      return chars.toString();
    } catch (MalformedInputException e) {
      int offset = buffer.position();
      throw new CliException(
          String.format(
              "%s:%d: invalid UTF-8 (byte 0x%02X at byte %d of the line); send UTF-8 text",
              source, lineNumber, bytes[offset] & 0xFF, offset + 1));
    } catch (CharacterCodingException e) {
      throw new CliException(source + ":" + lineNumber + ": invalid UTF-8 (" + e + ")");
    }
  }
}
