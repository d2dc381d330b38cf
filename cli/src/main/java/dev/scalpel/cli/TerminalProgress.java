package dev.scalpel.cli;

import dev.scalpel.core.progress.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/** A progress bar redrawn in place on a terminal; one log line per step otherwise (CI, pipes). */
final class TerminalProgress implements Progress {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private String task = "";
  private long total;
  private long done;
  private long started;
  private int lastPercent = -1;

  TerminalProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  static TerminalProgress forStderr(PrintWriter err) {
    return new TerminalProgress(err, System.console() != null && System.getenv("CI") == null);
  }

  @Override
  public void start(String task, long total) {
    this.task = task;
    this.total = Math.max(1, total);
    this.done = 0;
    this.started = System.nanoTime();
    this.lastPercent = -1;
    if (!terminal) {
      out.printf(Locale.ROOT, "%s: %d ...%n", task, total);
      out.flush();
    }
  }

  @Override
  public void advance(long units) {
    done += units;
    int percent = (int) (100 * done / total);
    if (terminal && percent != lastPercent) {
      lastPercent = percent;
      int filled = WIDTH * percent / 100;
      out.printf(
          Locale.ROOT,
          "\r%-28s [%s%s] %3d%% %d/%d",
          task,
          "#".repeat(filled),
          " ".repeat(WIDTH - filled),
          percent,
          done,
          total);
      out.flush();
    }
  }

  @Override
  public void finish() {
    double seconds = (System.nanoTime() - started) / 1e9;
    if (terminal) {
      out.println();
    }
    out.printf(
        Locale.ROOT,
        "%s: done in %.1f s (%.0f/s)%n",
        task,
        seconds,
        seconds > 0 ? done / seconds : 0.0);
    out.flush();
  }
}
