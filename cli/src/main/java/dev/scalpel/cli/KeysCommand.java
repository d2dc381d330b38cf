package dev.scalpel.cli;

import dev.scalpel.gateway.access.AccessException;
import dev.scalpel.gateway.access.Budget;
import dev.scalpel.gateway.access.KeyCreation;
import dev.scalpel.gateway.access.KeyInfo;
import dev.scalpel.gateway.access.KeyRequest;
import dev.scalpel.gateway.access.KeyStore;
import dev.scalpel.gateway.access.Period;
import dev.scalpel.gateway.access.RateLimits;
import dev.scalpel.gateway.access.Scope;
import dev.scalpel.gateway.accounting.RequestLog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalpel keys create|list|revoke}: the gateway's API keys, in the database of its data
 * directory. A running gateway sees the change from its next request.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Create, list and revoke the gateway's API keys (stored hashed in its data directory).",
      "A running gateway sees a new or revoked key from its next request."
    },
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing required subcommand: create, list or revoke");
  }

  /** Who the audit log names for changes made here. */
  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  /**
   * Runs {@code work} on the key store of {@code dataDir}: the request log's database, opened (and
   * migrated) as the gateway opens it. Without {@code create}, a missing database is an error.
   */
  static <T> T withStore(DataDirOption dataDir, boolean create, Function<KeyStore, T> work) {
    Path dir = dataDir.dataDir();
    Path file = RequestLog.databaseFile(dir);
    if (!create && !Files.exists(file)) {
      throw new CliException(
          "no gateway database at "
              + file
              + " (the gateway keeps it in its data directory; pass that with --data-dir or"
              + " --config)");
    }
    try (RequestLog log = RequestLog.open(dir);
        KeyStore keys = KeyStore.open(log)) {
      return work.apply(keys);
    } catch (AccessException e) {
      throw new CliException(e.getMessage());
    }
  }

  static String budget(KeyInfo key) {
    return switch (key.budget()) {
      case Budget.Unlimited u -> "none";
      case Budget.Limited l -> l.describe();
    };
  }

  /** {@code scalpel keys create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create an API key and print it, alone on the last line. It is shown only this once.",
        "Budgets are in USD per UTC day, UTC month or in total; rate limits per minute."
      })
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption dataDir;

    @Option(
        names = "--name",
        required = true,
        description =
            "Unique among active keys; the request log records it (letters, digits, . _ -).")
    String name;

    @Option(
        names = "--scope",
        paramLabel = "inference|admin",
        converter = ScopeConverter.class,
        description = "inference: the /v1 endpoints; admin: also /admin/ (default: inference).")
    Scope scope = Scope.INFERENCE;

    @Option(
        names = "--budget-usd",
        paramLabel = "X",
        description = "Most the key may spend on upstream calls per --period.")
    Double budgetUsd;

    @Option(
        names = "--period",
        paramLabel = "day|month|total",
        converter = PeriodConverter.class,
        description = "The window of --budget-usd: a UTC day, a UTC month, or in total.")
    Period period;

    @Option(names = "--rpm", paramLabel = "N", description = "Most requests per minute.")
    Long rpm;

    @Option(
        names = "--tpm",
        paramLabel = "N",
        description = "Most tokens (prompt and completion) per minute.")
    Long tpm;

    @Override
    public Integer call() {
      KeyRequest request = request();
      PrintWriter out = spec.commandLine().getOut();
      return withStore(
          dataDir,
          true,
          keys ->
              switch (keys.create(request, actor())) {
                case KeyCreation.Created created -> {
                  KeyInfo key = created.key().key();
                  out.printf(
                      Locale.ROOT,
                      "Created key '%s' (%s): scope %s, budget %s, %s requests/min, %s tokens/min.%n",
                      key.name(),
                      key.id(),
                      key.scope().wireName(),
                      budget(key),
                      perMinute(key.limits().requestsPerMinute()),
                      perMinute(key.limits().tokensPerMinute()));
                  out.println("Store it now; it is shown only this once:");
                  out.println(created.key().secret());
                  out.flush();
                  yield 0;
                }
                case KeyCreation.NameTaken taken ->
                    throw new CliException(
                        "an active key is already named '"
                            + taken.name()
                            + "' in "
                            + keys.file()
                            + "; revoke it first or choose another name");
              });
    }

    private KeyRequest request() {
      if (period != null && budgetUsd == null) {
        throw usage("--period goes with --budget-usd; add --budget-usd X");
      }
      if (budgetUsd != null && period == null) {
        throw usage("--budget-usd needs --period day|month|total");
      }
      try {
        Budget budget = budgetUsd == null ? Budget.UNLIMITED : Budget.usd(budgetUsd, period);
        return new KeyRequest(
            name, scope, budget, new RateLimits(positive("--rpm", rpm), positive("--tpm", tpm)));
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }

    private long positive(String option, Long value) {
      if (value == null) {
        return 0;
      }
      if (value < 1) {
        throw usage(option + " expects a number of at least 1, found " + value);
      }
      return value;
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }

    private static String perMinute(long limit) {
      return limit == 0 ? "unlimited" : Long.toString(limit);
    }
  }

  /** {@code scalpel keys list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the active keys: id, name, scope, prefix, creation, budget and limits.")
  static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      withStore(
          dataDir,
          false,
          keys -> {
            print(out, keys.file(), keys.list());
            return null;
          });
      out.flush();
      return 0;
    }

    private static void print(PrintWriter out, Path file, List<KeyInfo> keys) {
      if (keys.isEmpty()) {
        out.println("no active keys in " + file);
        return;
      }
      out.println("keys in " + file + ":");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"id", "name", "scope", "prefix", "created", "budget", "rpm", "tpm"});
      for (KeyInfo k : keys) {
        rows.add(
            new String[] {
              k.id(),
              k.name(),
              k.scope().wireName(),
              k.prefix() + "...",
              k.created().truncatedTo(ChronoUnit.SECONDS).toString(),
              budget(k),
              limit(k.limits().requestsPerMinute()),
              limit(k.limits().tokensPerMinute())
            });
      }
      int[] widths = new int[rows.get(0).length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          line.append(i == 0 ? "" : "  ")
              .append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]));
        }
        out.println(line.toString().stripTrailing());
      }
    }

    private static String limit(long perMinute) {
      return perMinute == 0 ? "-" : Long.toString(perMinute);
    }
  }

  /** {@code scalpel keys revoke}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description =
          "Revoke an active key by name or id; the gateway refuses it from its next request.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption dataDir;

    @Parameters(paramLabel = "NAME_OR_ID", description = "The key's name or id (see keys list).")
    String nameOrId;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      KeyInfo revoked =
          withStore(
              dataDir,
              false,
              keys -> {
                Optional<KeyInfo> key = keys.revoke(nameOrId, actor());
                if (key.isEmpty()) {
                  throw new CliException(
                      "no active key is named '"
                          + nameOrId
                          + "' or has that id in "
                          + keys.file()
                          + " (see scalpel keys list)");
                }
                return key.get();
              });
      out.printf(
          Locale.ROOT,
          "Revoked key '%s' (%s); the gateway refuses it from its next request.%n",
          revoked.name(),
          revoked.id());
      out.flush();
      return 0;
    }
  }

  /**
   * Reads a value by its wire name; an unknown one is a usage error naming the valid ones (the
   * message of {@code parse}'s IllegalArgumentException).
   */
  abstract static class WireConverter<T> implements CommandLine.ITypeConverter<T> {
    private final Function<String, T> parse;

    WireConverter(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T convert(String value) {
      try {
        return parse.apply(value.toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads {@code --scope}. */
  static final class ScopeConverter extends WireConverter<Scope> {
    ScopeConverter() {
      super(Scope::fromWire);
    }
  }

  /** Reads {@code --period}. */
  static final class PeriodConverter extends WireConverter<Period> {
    PeriodConverter() {
      super(Period::fromWire);
    }
  }
}
