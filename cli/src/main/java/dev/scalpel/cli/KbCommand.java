package dev.scalpel.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scalpel kb}: builds and searches knowledge bases; the work is in its subcommands. */
@Command(
    name = "kb",
    mixinStandardHelpOptions = true,
    description = {
      "Knowledge bases: index a folder of Markdown and text documents (BM25 and sentence vectors in"
          + " Lucene), and search it.",
      "Indexes live in <data-dir>/kb/<name>."
    },
    subcommands = {KbIndexCommand.class, KbSearchCommand.class})
final class KbCommand implements Runnable {
  /**
   * Lucene suggests (through java.util.logging, on stderr) enabling the incubating Vector API on
   * first vector use. At knowledge-base sizes the scalar code takes microseconds, and the hint
   * would precede every command's output, so it is silenced. Held here: JUL keeps loggers weakly.
   */
  private static final Logger LUCENE_VECTORIZATION =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  static {
    LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
  }

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
