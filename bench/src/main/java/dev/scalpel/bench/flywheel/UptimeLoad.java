package dev.scalpel.bench.flywheel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What {@code uptime} says, recorded before and after a run: other builds share these cores, and a
 * busy machine explains slow rounds.
 */
final class UptimeLoad {
  private UptimeLoad() {}

  static String now() {
    try {
      Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return out.strip();
    } catch (IOException e) {
      return "unknown (uptime: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown (interrupted)";
    }
  }
}
