package dev.scalpel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.accounting.Handoff;
import dev.scalpel.gateway.accounting.HandoffException;
import dev.scalpel.gateway.accounting.HandoffQueue;
import dev.scalpel.gateway.accounting.RequestLog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalpel handoffs}: the requests the gateway handed off to a person (by a label's action, a
 * rule, or because no generalist is configured), and marking them as dealt with.
 */
@Command(
    name = "handoffs",
    mixinStandardHelpOptions = true,
    description = "List, show and resolve the requests handed off to a person.",
    subcommands = {
      HandoffsCommand.ListHandoffs.class,
      HandoffsCommand.ShowHandoff.class,
      HandoffsCommand.ResolveHandoff.class
    })
final class HandoffsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static HandoffQueue open(DataDirOption dataDir) {
    return HandoffQueue.open(requireLog(dataDir));
  }

  /** The data directory, once it is known to hold a request log. */
  static Path requireLog(DataDirOption dataDir) {
    Path file = RequestLog.databaseFile(dataDir.dataDir());
    if (!Files.exists(file)) {
      throw new CliException(
          "no request log at "
              + file
              + " (the gateway writes it in its data directory; pass that with --data-dir or"
              + " --config)");
    }
    return dataDir.dataDir();
  }

  static ObjectNode toJson(Handoff h) {
    ObjectNode node =
        Json.mapper()
            .createObjectNode()
            .put("request_id", h.requestId())
            .put("time", h.time().toString())
            .put("api_key_id", h.apiKeyId())
            .put("specialist", h.specialist())
            .put("label", h.label())
            .put("reason", h.reason())
            .put("text", h.text())
            .put("open", h.open());
    if (h.confidence() == null) {
      node.putNull("confidence");
    } else {
      node.put("confidence", h.confidence());
    }
    if (!h.conversation().isEmpty()) {
      try {
        node.set("messages", Json.mapper().readTree(h.conversation()));
      } catch (JsonProcessingException e) {
        // Stored by the gateway from a parsed request, so always JSON; show it as text if not.
        node.put("messages", h.conversation());
      }
    }
    h.resolution()
        .ifPresent(at ->
            node.put("resolved_at", at.toString())
                .put("resolved_by", h.resolvedBy())
                .put("note", h.note()));
    return node;
  }

  /** {@code scalpel handoffs list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List open hand-offs, oldest first (with --all, resolved ones too).")
  static final class ListHandoffs implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption dataDir;

    @Option(names = "--all", description = "Include resolved hand-offs.")
    boolean all;

    @Option(names = "--limit", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit = 100;

    @Option(names = "--json", description = "Print a JSON list instead of a table.")
    boolean json;

    @Override
    public Integer call() {
      if (limit < 1) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--limit must be at least 1, found " + limit);
      }
      List<Handoff> handoffs = open(dataDir).list(all, limit);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ArrayNode list = Json.mapper().createArrayNode();
        handoffs.forEach(h -> list.add(toJson(h)));
        out.println(list.toPrettyString());
      } else if (handoffs.isEmpty()) {
        out.println(all ? "no hand-offs" : "no open hand-offs");
      } else {
        out.printf(
            Locale.ROOT,
            "%-36s %-20s %-8s %-18s %s%n",
            "request",
            "time",
            "state",
            "label",
            "text");
        for (Handoff h : handoffs) {
          out.printf(
              Locale.ROOT,
              "%-36s %-20s %-8s %-18s %s%n",
              h.requestId(),
              h.time().toString().substring(0, 19) + "Z",
              h.open() ? "open" : "resolved",
              h.label().isEmpty() ? "-" : h.label(),
              oneLine(h.text(), 60));
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code scalpel handoffs show ID}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Show one hand-off as JSON: the verdict, the reason and the whole conversation.")
  static final class ShowHandoff implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption dataDir;

    @Parameters(paramLabel = "REQUEST_ID", description = "The request id (x-scalpel-request-id).")
    String requestId;

    @Override
    public Integer call() {
      Handoff h =
          open(dataDir)
              .find(requestId)
              .orElseThrow(() ->
                  new CliException(
                      "no hand-off with request id '"
                          + requestId
                          + "' (see `scalpel handoffs list --all`)"));
      spec.commandLine().getOut().println(toJson(h).toPrettyString());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code scalpel handoffs resolve ID}. */
  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = "Mark a hand-off as dealt with; it leaves the open list.")
  static final class ResolveHandoff implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption dataDir;

    @Parameters(paramLabel = "REQUEST_ID", description = "The request id (x-scalpel-request-id).")
    String requestId;

    @Option(names = "--note", description = "What was done, for the record.")
    String note = "";

    @Option(names = "--by", description = "Who resolved it (default: the OS user).")
    String by = System.getProperty("user.name", "operator");

    @Override
    public Integer call() {
      try {
        Handoff h = open(dataDir).resolve(requestId, by, note);
        spec.commandLine()
            .getOut()
            .printf(
                Locale.ROOT,
                "resolved %s by %s at %s%n",
                h.requestId(),
                h.resolvedBy(),
                h.resolvedAt());
      } catch (HandoffException e) {
        throw new CliException(e.getMessage());
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  private static String oneLine(String text, int max) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
