package dev.scalpel.cli;

import dev.scalpel.gateway.accounting.StoredText;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalpel forget}: erases stored user text on demand (a data-subject request), keeping the
 * accounting facts of each request, and says how many requests it erased.
 */
@Command(
    name = "forget",
    mixinStandardHelpOptions = true,
    description = {
      "Erase the stored text of requests (the last user turn and hand-off conversations): one"
          + " request, every request of an API key, or every request whose text contains a string.",
      "The rows stay for accounting; the text is overwritten in the database file."
    })
final class ForgetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOption dataDir;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Exactly one of the ways to choose what to erase. */
  static final class Target {
    @Option(
        names = "--request",
        paramLabel = "ID",
        description = "One request (x-scalpel-request-id).")
    String request;

    @Option(
        names = "--key",
        paramLabel = "NAME",
        description = "Every request made with this API key.")
    String key;

    @Option(
        names = "--match",
        paramLabel = "TEXT",
        description = "Every request whose stored text contains TEXT (ignoring case).")
    String match;
  }

  @Override
  public Integer call() {
    StoredText text = StoredText.open(HandoffsCommand.requireLog(dataDir));
    int erased;
    String what;
    if (target.request != null) {
      erased = text.forgetRequest(target.request);
      what = "request " + target.request;
    } else if (target.key != null) {
      erased = text.forgetKey(target.key);
      what = "API key " + target.key;
    } else {
      erased = text.forgetMatching(target.match);
      what = "text matching \"" + target.match + "\"";
    }
    spec.commandLine()
        .getOut()
        .printf(
            "erased the stored text of %d request%s (%s)%n", erased, erased == 1 ? "" : "s", what);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
