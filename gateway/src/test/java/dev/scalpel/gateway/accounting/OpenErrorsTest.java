package dev.scalpel.gateway.accounting;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening fails with a message that names the file when the location cannot hold the log. */
class OpenErrorsTest {
  @TempDir Path dir;

  @Test
  void aDataDirectoryThatIsAFile() throws IOException {
    Path notADir = Files.writeString(dir.resolve("data"), "x");

    assertThatThrownBy(() -> RequestLog.open(notADir))
        .isInstanceOf(RequestLogException.class)
        .hasMessage(
            notADir.resolve("scalpel.db").toAbsolutePath()
                + ": cannot create the request log: "
                + notADir.toAbsolutePath()
                + " is a file, not a directory");
  }

  @Test
  void aDataDirectoryThatCannotBeCreated() throws IOException {
    Path underAFile = Files.writeString(dir.resolve("data"), "x").resolve("sub");

    assertThatThrownBy(() -> RequestLog.open(underAFile))
        .isInstanceOf(RequestLogException.class)
        .hasMessageStartingWith(
            underAFile.resolve("scalpel.db").toAbsolutePath()
                + ": cannot create the data directory "
                + underAFile.toAbsolutePath()
                + " (");
  }

  @Test
  void aFileThatIsNotADatabase() throws IOException {
    Path file = Files.writeString(dir.resolve("scalpel.db"), "hello, I am a text file\n");

    assertThatThrownBy(() -> RequestLog.open(dir))
        .isInstanceOf(RequestLogException.class)
        .hasMessage(
            file.toAbsolutePath()
                + ": not a SQLite database (expected the header 'SQLite format 3', found"
                + " 'hello, I am a te'); move it away or choose another data directory");
  }

  @Test
  void aDatabaseWithAGoodHeaderButGarbageAfterIt() throws IOException {
    byte[] bytes = new byte[4096];
    byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    Arrays.fill(bytes, magic.length, bytes.length, (byte) 0x5a);
    Path file = Files.write(dir.resolve("scalpel.db"), bytes);

    assertThatThrownBy(() -> RequestLog.open(dir))
        .isInstanceOf(RequestLogException.class)
        .hasMessageStartingWith(file.toAbsolutePath() + ": cannot open the request log (");
  }

  @Test
  void aDirectoryWhereTheDatabaseShouldBe() throws IOException {
    Path file = Files.createDirectories(dir.resolve("scalpel.db"));

    assertThatThrownBy(() -> RequestLog.open(dir))
        .isInstanceOf(RequestLogException.class)
        .hasMessage(
            file.toAbsolutePath() + ": not a SQLite database (found a directory or device)");
  }
}
