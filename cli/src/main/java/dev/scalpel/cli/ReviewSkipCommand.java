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

/** {@code scalpel review skip ID}. */
@Command(
    name = "skip",
    mixinStandardHelpOptions = true,
    description = "Skip a review item (not worth a label); it leaves the list.")
final class ReviewSkipCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Parameters(paramLabel = "ID", description = "The item id.")
  String id;

  @Option(names = "--note", description = "Why, for the record.")
  String note = "";

  @Option(names = "--by", description = "Who skipped it (default: the OS user).")
  String by = System.getProperty("user.name", "operator");

  @Override
  public Integer call() {
    try {
      ReviewItem item = ReviewCommand.open(dataDir).skip(id, by, note);
      spec.commandLine().getOut().printf(Locale.ROOT, "%s skipped by %s%n", item.id(), by);
    } catch (ReviewException e) {
      throw new CliException(e.getMessage());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
