package dev.scalpel.cli;

import dev.scalpel.gateway.review.ReviewItem;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalpel review show ID}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Show one review item as JSON: text, counts, the specialist's proposal, the reasons and"
            + " what the teacher and people decided.")
final class ReviewShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Parameters(paramLabel = "ID", description = "The item id, as 'scalpel review list' shows it.")
  String id;

  @Override
  public Integer call() {
    ReviewItem item =
        ReviewCommand.open(dataDir)
            .find(id)
            .orElseThrow(() ->
                new CliException(
                    "no review item '" + id + "' (see `scalpel review list --all` for the ids)"));
    spec.commandLine().getOut().println(ReviewCommand.toJson(item).toPrettyString());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
