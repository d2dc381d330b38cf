package dev.scalpel.bench.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A gateway running in a child JVM ({@link GatewayProcess}) with the benchmark's Java and class
 * path, a 512 MiB heap and the serial collector, as a small deployment would run it. Its memory and
 * CPU time are read from {@code /proc}.
 */
final class ChildGateway implements AutoCloseable {
  static final List<String> JVM_OPTIONS =
      List.of("-Xmx512m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  /** Linux's USER_HZ, the unit of utime and stime in /proc/<pid>/stat, on every usual kernel. */
  private static final double CLOCK_TICKS_PER_SECOND = 100;

  private final Process process;
  private final BufferedReader stdout;
  private final Path stderr;
  private final int port;

  private ChildGateway(Process process, BufferedReader stdout, Path stderr, int port) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.port = port;
  }

  /** Starts the gateway on {@code config}; returns once it listens. Its stderr goes to a file. */
  static ChildGateway start(Path config, Path stderr) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(GatewayProcess.class.getName());
    command.add(config.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()))
            .start();
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
    CompletableFuture<String> portLine =
        CompletableFuture.supplyAsync(() -> {
          try {
            String line;
            while ((line = stdout.readLine()) != null) {
              if (line.startsWith(GatewayProcess.PORT_LINE)) {
                return line;
              }
            }
            return "";
          } catch (IOException e) {
            return "";
          }
        });
    String line;
    try {
      line = portLine.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      line = "";
    }
    if (line.isEmpty()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "the gateway process did not report its port within "
              + START_TIMEOUT.toSeconds()
              + " s; its stderr ("
              + stderr
              + "):\n"
              + tail(stderr));
    }
    return new ChildGateway(
        process,
        stdout,
        stderr,
        Integer.parseInt(line.substring(GatewayProcess.PORT_LINE.length()).strip()));
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** Resident memory now ({@code VmRSS}) and at its peak ({@code VmHWM}), in KiB. */
  Memory memory() throws IOException {
    long rss = -1;
    long hwm = -1;
    for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (l.startsWith("VmRSS:")) {
        rss = kib(l);
      } else if (l.startsWith("VmHWM:")) {
        hwm = kib(l);
      }
    }
    return new Memory(rss, hwm);
  }

  /** User plus system CPU time the gateway process has used so far, in seconds. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
    // Fields after the parenthesised command name (which may hold spaces): state is field 3.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS_PER_SECOND;
  }

  /**
   * Closes the gateway's standard input and waits for it to stop gracefully.
   *
   * @return the exit code
   */
  int stop(Duration timeout) throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "the gateway process did not stop within " + timeout.toSeconds() + " s");
    }
    String rest = String.join("\n", stdout.lines().toList());
    if (process.exitValue() != 0 || !rest.contains(GatewayProcess.STOPPED_LINE)) {
      throw new IllegalStateException(
          "the gateway process exited with "
              + process.exitValue()
              + " without stopping cleanly; its stderr:\n"
              + tail(stderr));
    }
    return process.exitValue();
  }

  @Override
  public void close() throws IOException {
    stdout.close();
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private static long kib(String statusLine) {
    return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** Resident set size now and at its peak, in KiB. */
  record Memory(long rssKib, long peakKib) {
    double rssMib() {
      return rssKib / 1024.0;
    }

    double peakMib() {
      return peakKib / 1024.0;
    }

    double rssMegabytes() {
      return rssKib * 1024 / 1e6;
    }
  }
}
