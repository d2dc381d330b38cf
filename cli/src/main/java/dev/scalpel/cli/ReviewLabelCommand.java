package dev.scalpel.cli;

import dev.scalpel.gateway.review.ReviewException;
import dev.scalpel.gateway.review.ReviewItem;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalpel review label ID LABEL}. */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    description =
        "Label a review item: confirm the proposed label, pick another, mark it out of scope"
            + " (oos), or name a new intent (new:<name>, what it should do in --note). Agreeing"
            + " with the teacher records the source 'both'.")
final class ReviewLabelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Parameters(index = "0", paramLabel = "ID", description = "The item id.")
  String id;

  @Parameters(index = "1", paramLabel = "LABEL", description = "A label, oos, or new:<name>.")
  String label;

  @Option(names = "--note", description = "A note, e.g. the action of a new intent.")
  String note = "";

  @Option(names = "--by", description = "Who labeled it (default: the OS user).")
  String by = System.getProperty("user.name", "operator");

  @Override
  public Integer call() {
    try {
      ReviewItem item = ReviewCommand.open(dataDir).label(id, label, by, note);
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "%s labeled %s (%s) by %s%n",
              item.id(),
              item.label(),
              item.source(),
              by);
    } catch (ReviewException e) {
      throw new CliException(e.getMessage());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
