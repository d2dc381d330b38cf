package dev.scalpel.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.review.ReviewItem;
import dev.scalpel.gateway.review.ReviewQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code scalpel review}: the requests the gateway escalated or handed off, grouped by normalized
 * text, to be labeled by a person or proposed by a teacher model, then exported for {@code scalpel
 * datasets add}.
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "The review queue: escalated and handed-off requests grouped by normalized text, most"
          + " frequent first. Label them (a label, oos, or new:<name>), skip them, let a teacher"
          + " model propose labels, and export the labeled ones for 'scalpel datasets add'."
    },
    subcommands = {
      ReviewListCommand.class,
      ReviewShowCommand.class,
      ReviewLabelCommand.class,
      ReviewSkipCommand.class,
      ReviewTeachCommand.class,
      ReviewExportCommand.class
    })
final class ReviewCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The queue of the data directory's request log, which must exist. */
  static ReviewQueue open(DataDirOption dataDir) {
    Path file = RequestLog.databaseFile(dataDir.dataDir());
    if (!Files.exists(file)) {
      throw new CliException(
          "no request log at "
              + file
              + " (the gateway writes it in its data directory; pass that with --data-dir or"
              + " --config)");
    }
    return ReviewQueue.open(dataDir.dataDir());
  }

  static ObjectNode toJson(ReviewItem item) {
    ObjectNode node =
        Json.mapper()
            .createObjectNode()
            .put("id", item.id())
            .put("text", item.text())
            .put("count", item.count())
            .put("first_seen", item.firstSeen().toString())
            .put("last_seen", item.lastSeen().toString())
            .put("specialist", item.specialist())
            .put("proposed_label", item.proposedLabel());
    if (item.confidence() == null) {
      node.putNull("confidence");
    } else {
      node.put("confidence", item.confidence());
    }
    item.reasons().forEach(node.putArray("reasons")::add);
    node.put("status", item.status())
        .put("label", item.label())
        .put("source", item.source())
        .put("teacher_label", item.teacherLabel())
        .put("teacher_model", item.teacherModel())
        .put("person_label", item.personLabel())
        .put("decided_by", item.decidedBy())
        .put("note", item.note());
    item.decision().ifPresent(at -> node.put("decided_at", at.toString()));
    return node;
  }

  static String oneLine(String text, int max) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
