package dev.scalpel.gateway.accounting;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway killed with SIGKILL in the middle of appending loses no row whose append had returned:
 * a child JVM appends from several threads, printing each id once its append returned, and is
 * killed; every id it printed is in the database.
 */
@Timeout(180)
class KillTest {
  private static final Pattern ID = Pattern.compile("kill-\\d{2}-\\d{6}");
  private static final int KILL_AFTER = 400;

  @TempDir Path dir;

  @Test
  void everyAppendThatReturnedSurvivesAKill() throws Exception {
    Path data = dir.resolve("data");
    Path stderr = dir.resolve("child.err");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1",
                KillChild.class.getName(),
                data.toString(),
                "4")
            .redirectError(stderr.toFile())
            .start();
    List<String> printed = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (ID.matcher(line).matches()) {
          printed.add(line);
        }
        if (printed.size() == KILL_AFTER) {
          // Mid-run: the child appends until killed. Killing closes our end of its stdout, so
          // the ids it printed after this line are not checked.
          child.destroyForcibly();
          break;
        }
      }
    } finally {
      child.destroyForcibly();
    }
    child.waitFor();

    assertThat(printed).as(childErrors(stderr)).hasSize(KILL_AFTER);
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    try (RequestLog log = RequestLog.open(data)) {
      List<String> missing = printed.stream().filter(id -> log.find(id).isEmpty()).toList();
      assertThat(missing).as("ids printed after append returned but not in the log").isEmpty();
      assertThat(log.count()).isGreaterThanOrEqualTo(printed.size());
    }
  }

  private static String childErrors(Path stderr) throws IOException {
    return "child stderr:\n" + Files.readString(stderr);
  }
}
