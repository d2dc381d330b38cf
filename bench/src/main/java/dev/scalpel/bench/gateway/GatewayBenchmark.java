package dev.scalpel.bench.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.bench.WorkDirs;
import dev.scalpel.core.Decision;
import dev.scalpel.core.io.AtomicFiles;
import dev.scalpel.core.io.Json;
import dev.scalpel.embed.EncoderSpec;
import dev.scalpel.embed.Encoders;
import dev.scalpel.embed.SentenceEncoder;
import dev.scalpel.gateway.accounting.RequestLog;
import dev.scalpel.gateway.accounting.UsageGrouping;
import dev.scalpel.gateway.accounting.UsageQuery;
import dev.scalpel.gateway.accounting.UsageRow;
import dev.scalpel.learn.Prediction;
import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistFiles;
import dev.scalpel.upstream.stub.StubLlm;
import dev.scalpel.upstream.stub.StubOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What Scalpel's gateway costs on loopback, written to bench/results/gateway-overhead.{json,md}:
 * latency added in pass-through over calling the stub LLM directly (same requests, alternating
 * rounds, 1 and 16 connections), added time to the first chunk of a stream, pass-through
 * throughput, locally answered requests against the engine's own classification throughput, the
 * gateway's resident memory, and request-log rows against responses. The gateway runs in a child
 * JVM; the stub (no artificial latency) and the load generator run in this one. Run with {@code
 * bench/run gateway.GatewayBenchmark}.
 */
@Command(name = "GatewayBenchmark", mixinStandardHelpOptions = true)
public final class GatewayBenchmark implements Callable<Integer> {
  private static final List<String> PASSTHROUGH_TEXTS =
      List.of(
          "How far can I ride on one charge of my e-bike battery?",
          "My charger light blinks red, what does that mean?",
          "Compare a city bike and a trekking bike for a 20 km commute.",
          "What should I check on my bike before a long tour?");

  /** Candidates for local answers; only those the engine answers from a template are sent. */
  private static final List<String> LOCAL_CANDIDATES =
      List.of(
          "what are your opening hours on saturday",
          "where is my parcel NW-12345",
          "Is the store closed on Mondays?",
          "Does the Amsterdam shop open before 9?",
          "Could you tell me the Antwerp store's hours this Saturday?",
          "Could you check which stage my order is at? Ref NW-59031.",
          "I've heard nothing since I placed order NW-44719 ten days ago.",
          "Could you reset my account credentials?",
          "Forgotten password, please assist.",
          "What's the nearest showroom to Nijmegen?",
          "Is there a Northwind shop in Utrecht or do I have to go to Amsterdam?",
          "I'd like a formal invoice for the bike I bought last month.",
          "My credit card was replaced by the bank, how do I enter the new details?");

  @Option(
      names = "--seconds",
      defaultValue = "4",
      description = "Length of each timed measurement (at most 20).")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "10", description = "Warm-up per target.")
  int warmupSeconds;

  @Option(names = "--rounds", defaultValue = "5", description = "Alternating A/B rounds.")
  int rounds;

  @Option(
      names = "--max-per-connection",
      defaultValue = "100000",
      description = "Cap on the timed requests of one connection in one measurement.")
  int maxPerConnection;

  @Option(
      names = "--model",
      defaultValue = "examples/quickstart/support.scalpel",
      description = "The specialist the gateway serves.")
  Path model;

  @Option(names = "--out", defaultValue = "bench/results", description = "Results folder.")
  Path out;

  private static final int WARMUP_PER_CONNECTION = 20;

  public static void main(String[] args) {
    System.exit(new CommandLine(new GatewayBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (seconds < 1 || seconds > 20 || rounds < 1 || rounds > 9 || warmupSeconds < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "expected --seconds 1..20, --rounds 1..9 and --warmup-seconds >= 1");
    }
    Instant started = Instant.now();
    Path modelFile = model.toAbsolutePath().normalize();
    Path work = Files.createTempDirectory("scalpel-gateway-bench");
    Path dataDir = work.resolve("data");
    RouteTally directTally = new RouteTally();
    RouteTally gatewayTally = new RouteTally();
    GatewayResults results;
    try (StubLlm stub = StubLlm.start(quietStub());
        SentenceEncoder encoder = Encoders.open(EncoderSpec.DEFAULT)) {
      Specialist specialist =
          SpecialistFiles.load(modelFile, identity -> encoder)
              .withTargetPrecision(BenchConfig.TARGET_PRECISION);
      List<String> localTexts = answeredLocally(specialist);
      Path config = BenchConfig.write(work, modelFile, dataDir, stub.baseUrl());
      URI direct = URI.create(stub.baseUrl() + "/chat/completions");
      try (ChildGateway gateway = ChildGateway.start(config, work.resolve("gateway.stderr"))) {
        URI viaGateway = URI.create("http://127.0.0.1:" + gateway.port() + "/v1/chat/completions");
        ChildGateway.Memory idle = gateway.memory();
        Targets t =
            new Targets(
                ChatCalls.completion(direct, bodies(false), "", directTally),
                ChatCalls.completion(viaGateway, bodies(false), "passthrough", gatewayTally),
                ChatCalls.stream(direct, bodies(true), "", directTally),
                ChatCalls.stream(viaGateway, bodies(true), "passthrough", gatewayTally),
                ChatCalls.completion(viaGateway, localBodies(localTexts), "local", gatewayTally));
        warmUp(t, specialist, localTexts);
        double idleCpuShare = idleCpuShare(gateway);
        Paired pass1 = new Paired();
        Paired pass16 = new Paired();
        Paired stream1 = new Paired();
        Paired stream16 = new Paired();
        Series local2 = new Series();
        Series local16 = new Series();
        Series engine = new Series();
        for (int round = 0; round < rounds; round++) {
          boolean directFirst = round % 2 == 0;
          log("round " + (round + 1) + " of " + rounds);
          pair(pass1, t.direct(), t.gateway(), 1, directFirst, gateway);
          pair(pass16, t.direct(), t.gateway(), 16, directFirst, gateway);
          pair(stream1, t.directStream(), t.gatewayStream(), 1, directFirst, gateway);
          pair(stream16, t.directStream(), t.gatewayStream(), 16, directFirst, gateway);
          if (directFirst) {
            engine.add(engine(specialist, localTexts));
            local2.add(measure(t.local(), 2));
            local16.add(measure(t.local(), 16));
          } else {
            local16.add(measure(t.local(), 16));
            local2.add(measure(t.local(), 2));
            engine.add(engine(specialist, localTexts));
          }
        }
        ChildGateway.Memory loaded = gateway.memory();
        gateway.stop(Duration.ofSeconds(60));
        results =
            new GatewayResults(
                header(started),
                localTexts,
                pass1,
                pass16,
                stream1,
                stream16,
                local2,
                local16,
                engine,
                idle,
                loaded,
                idleCpuShare,
                accounting(dataDir, gatewayTally));
      }
    }
    WorkDirs.deleteRecursively(
        work); // kept when the run failed, for its gateway.stderr and request log
    Files.createDirectories(out);
    AtomicFiles.write(
        out.resolve("gateway-overhead.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(results.toJson()));
    AtomicFiles.write(
        out.resolve("gateway-overhead.md"), GatewayReport.render(results).getBytes(UTF_8));
    log("direct answers from the stub: " + directTally.byRoute());
    System.out.println(GatewayReport.render(results));
    System.out.println(
        "wrote " + out.resolve("gateway-overhead.json") + " and gateway-overhead.md");
    return 0;
  }

  /** The five kinds of request the benchmark sends. */
  private record Targets(
      Call direct, Call gateway, Call directStream, Call gatewayStream, Call local) {}

  private void warmUp(Targets t, Specialist specialist, List<String> localTexts)
      throws InterruptedException {
    log("warming up (" + warmupSeconds + " s per target)");
    Duration d = Duration.ofSeconds(warmupSeconds);
    for (Call c :
        List.of(t.direct(), t.gateway(), t.directStream(), t.gatewayStream(), t.local())) {
      LoadGenerator.run(c, 16, d, WARMUP_PER_CONNECTION, maxPerConnection);
    }
    EngineThroughput.measure(specialist, localTexts, 2, d, maxPerConnection);
  }

  /** The share of one core the gateway uses while no request arrives, over two seconds. */
  private static double idleCpuShare(ChildGateway gateway)
      throws IOException, InterruptedException {
    double before = gateway.cpuSeconds();
    long start = System.nanoTime();
    Thread.sleep(2000);
    return (gateway.cpuSeconds() - before) / ((System.nanoTime() - start) / 1e9);
  }

  private void pair(
      Paired into,
      Call direct,
      Call viaGateway,
      int connections,
      boolean directFirst,
      ChildGateway gateway)
      throws InterruptedException, IOException {
    LoadResult d = null;
    if (directFirst) {
      d = measure(direct, connections);
    }
    double cpuBefore = gateway.cpuSeconds();
    LoadResult g = measure(viaGateway, connections);
    double cpu = gateway.cpuSeconds() - cpuBefore;
    if (!directFirst) {
      d = measure(direct, connections);
    }
    into.add(d, g, cpu, directFirst);
  }

  private LoadResult measure(Call call, int connections) throws InterruptedException {
    LoadResult r =
        LoadGenerator.run(
            call,
            connections,
            Duration.ofSeconds(seconds),
            WARMUP_PER_CONNECTION,
            maxPerConnection);
    if (r.failures() > 0 || r.unexpected() > 0) {
      log(
          "  problems: "
              + r.failures()
              + " without answer, "
              + r.unexpected()
              + " unexpected; "
              + r.problem());
    }
    return r;
  }

  private LoadResult engine(Specialist specialist, List<String> texts) throws InterruptedException {
    return EngineThroughput.measure(
        specialist, texts, 2, Duration.ofSeconds(seconds), maxPerConnection);
  }

  private static List<String> answeredLocally(Specialist specialist) {
    List<String> kept = new ArrayList<>();
    for (String text : LOCAL_CANDIDATES) {
      Prediction p = specialist.classify(text);
      if (p.decision() == Decision.ANSWER && BenchConfig.templateLabels().contains(p.label())) {
        kept.add(text);
      } else {
        log(
            "not answered locally, left out: \""
                + text
                + "\" ("
                + p.decision()
                + " "
                + p.label()
                + ")");
      }
    }
    if (kept.size() < 2) {
      throw new IllegalStateException(
          "expected at least 2 texts that the specialist answers from a template, found "
              + kept.size());
    }
    return kept;
  }

  private static List<String> bodies(boolean stream) {
    return PASSTHROUGH_TEXTS.stream()
        .map(t -> body(BenchConfig.PASSTHROUGH_MODEL, t, stream))
        .toList();
  }

  private static List<String> localBodies(List<String> texts) {
    return texts.stream().map(t -> body(BenchConfig.ROUTE_MODEL, t, false)).toList();
  }

  private static String body(String model, String text, boolean stream) {
    ObjectNode body = Json.mapper().createObjectNode().put("model", model);
    body.putArray("messages").addObject().put("role", "user").put("content", text);
    if (stream) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    return body.toString();
  }

  /** The stub with no latency and no request recording, so it costs as little as it can. */
  private static StubOptions quietStub() {
    StubOptions d = StubOptions.defaults();
    return new StubOptions(
        d.host(),
        0,
        Duration.ZERO,
        Duration.ZERO,
        d.hangFor(),
        d.streamBreakAfter(),
        d.retryAfter(),
        d.apiKey(),
        0,
        d.model());
  }

  private static Accounting accounting(Path dataDir, RouteTally tally) {
    try (RequestLog log = RequestLog.open(dataDir)) {
      Map<String, Long> byRoute = new TreeMap<>();
      for (UsageRow row : log.usage(UsageQuery.allTime(UsageGrouping.ROUTE))) {
        byRoute.put(row.group(), row.requests());
      }
      return new Accounting(log.count(), byRoute, tally.total(), tally.byRoute());
    }
  }

  private Map<String, Object> header(Instant started) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("command", "bench/run gateway.GatewayBenchmark " + String.join(" ", commandArgs()));
    h.put("date", started.toString());
    h.put("run_seconds", Duration.between(started, Instant.now()).toSeconds());
    h.put("machine", dev.scalpel.bench.Machine.describe());
    h.put(
        "setup",
        "loopback; gateway in a child JVM ("
            + String.join(" ", ChildGateway.JVM_OPTIONS)
            + ") serving examples/quickstart/support.scalpel, request log in SQLite (WAL,"
            + " synchronous=NORMAL); stub LLM (no added latency) and load generator share the"
            + " benchmark JVM; all on the same "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    h.put(
        "method",
        "closed loops, one JDK HttpClient (HTTP/1.1, keep-alive) per connection, "
            + WARMUP_PER_CONNECTION
            + " untimed requests per connection, then "
            + seconds
            + " s timed; "
            + warmupSeconds
            + " s warm-up per target at 16 connections first; "
            + rounds
            + " rounds, direct and gateway alternating which goes first; figures are medians over"
            + " rounds, the added latency the median of the per-round differences; nearest-rank"
            + " percentiles over all requests of a round");
    return h;
  }

  private List<String> commandArgs() {
    return List.of(
        "--seconds", Integer.toString(seconds),
        "--warmup-seconds", Integer.toString(warmupSeconds),
        "--rounds", Integer.toString(rounds));
  }

  private static void log(String message) {
    System.err.println("[gateway-bench] " + message);
  }
}
