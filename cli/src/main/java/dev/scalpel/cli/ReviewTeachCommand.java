package dev.scalpel.cli;

import dev.scalpel.flywheel.registry.Champion;
import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.config.ConfigLoader;
import dev.scalpel.gateway.config.GatewayConfig;
import dev.scalpel.gateway.config.SpecialistConfig;
import dev.scalpel.gateway.config.TierConfig;
import dev.scalpel.gateway.review.ReviewItem;
import dev.scalpel.gateway.review.ReviewQueue;
import dev.scalpel.gateway.review.TeachReport;
import dev.scalpel.gateway.review.Teacher;
import dev.scalpel.learn.ModelInfo;
import dev.scalpel.learn.SpecialistFiles;
import dev.scalpel.upstream.Prices;
import dev.scalpel.upstream.Tier;
import dev.scalpel.upstream.Upstreams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scalpel review teach --tier NAME --config scalpel.yaml}. */
@Command(
    name = "teach",
    mixinStandardHelpOptions = true,
    description = {
      "Ask a generalist (an upstream tier of --config) to propose a label for each open review"
          + " item the teacher has not answered yet: one of the specialist's labels, none (out of"
          + " scope) or new: <name>, as constrained JSON, in batches. Answers outside those"
          + " choices are rejected and counted. Each call is logged and costed like any request"
          + " (API key id review-teacher, label review-teach), so 'scalpel usage' includes it.",
      "Proposals wait for a person: 'scalpel review label ID LABEL' confirms or overrules."
    })
final class ReviewTeachCommand implements Callable<Integer> {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(names = "--tier", required = true, description = "The upstream tier to ask.")
  String tier;

  @Option(
      names = "--model",
      description =
          "Model file whose labels the teacher chooses from (default: the model of the"
              + " configuration's routing specialist).")
  Path model;

  @Option(names = "--batch", description = "Texts per call (default: ${DEFAULT-VALUE}).")
  int batch = 10;

  @Option(
      names = "--limit",
      description = "At most this many items, most frequent first (default: ${DEFAULT-VALUE}).")
  int limit = 1000;

  @Override
  public Integer call() {
    if (batch < 1 || limit < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--batch and --limit must be at least 1, found " + batch + " and " + limit);
    }
    if (dataDir.config == null) {
      throw new CliException(
          "review teach needs --config: the tier's base URL, model and prices come from it");
    }
    GatewayConfig config = ConfigLoader.create().load(dataDir.config);
    TierConfig t =
        config
            .tier(tier)
            .orElseThrow(() ->
                new CliException(
                    "no tier '"
                        + tier
                        + "' in "
                        + dataDir.config
                        + " (its tiers: "
                        + config.tiers().stream().map(TierConfig::name).toList()
                        + ")"));
    List<String> labels = labels(config);
    ReviewQueue queue = ReviewCommand.open(dataDir);
    List<ReviewItem> items =
        queue.list(false, Integer.MAX_VALUE).stream()
            .filter(i -> i.teacherLabel().isEmpty())
            .limit(limit)
            .toList();
    PrintWriter out = spec.commandLine().getOut();
    if (items.isEmpty()) {
      out.println("nothing for the teacher: every open item has a teacher label");
      out.flush();
      return 0;
    }
    TeachReport report;
    try (Upstreams upstreams = Upstreams.builder().build();
        RequestLog log = RequestLog.open(dataDir.dataDir())) {
      report = Teacher.create(upstreams, tierOf(t), labels, queue, log, batch).teach(items);
    }
    out.printf(
        Locale.ROOT,
        "teacher %s (%s): %d of %d items labeled, %d answers rejected, %d unanswered;"
            + " %d calls, %d tokens in, %d out, $%.6f%n",
        t.name(),
        t.model(),
        report.labeled(),
        items.size(),
        report.rejected(),
        report.unanswered(),
        report.calls(),
        report.tokensIn(),
        report.tokensOut(),
        report.costUsd());
    out.flush();
    if (!report.succeeded()) {
      throw new CliException(report.failure() + "; the items not asked stay open");
    }
    return 0;
  }

  private static Tier tierOf(TierConfig t) {
    return Tier.of(t.name(), t.baseUrl(), t.model())
        .withApiKeyEnv(t.apiKeyEnv())
        .withPrices(new Prices(t.inputUsdPerMillion(), t.outputUsdPerMillion()))
        .withTimeouts(CONNECT_TIMEOUT, t.timeout())
        .withMaxRetries(t.maxRetries());
  }

  /** The specialist's labels without its out-of-scope label. */
  private List<String> labels(GatewayConfig config) {
    ModelInfo info = SpecialistFiles.readInfo(model == null ? specialistModel(config) : model);
    return info.classes().stream().filter(c -> !c.equals(info.oosLabel())).toList();
  }

  private Path specialistModel(GatewayConfig config) {
    String name = config.routing().specialist();
    SpecialistConfig s =
        config.specialists().stream()
            .filter(sc -> sc.name().equals(name))
            .findFirst()
            .orElseThrow(() ->
                new CliException(
                    "the configuration names no routing specialist; pass the labels' model with"
                        + " --model FILE"));
    if (!s.fromRegistry()) {
      return s.model();
    }
    ModelRegistry registry =
        ModelRegistry.open(
            s.model(),
            s.registry(),
            identity -> {
              throw new IllegalStateException("review teach reads labels only, loads no model");
            });
    return registry
        .champion()
        .map(Champion::model)
        .orElseThrow(() ->
            new CliException(
                "specialist '"
                    + name
                    + "': its registry has no champion yet; pass the labels' model with --model"
                    + " FILE"));
  }
}
