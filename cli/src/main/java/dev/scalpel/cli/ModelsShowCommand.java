package dev.scalpel.cli;

import dev.scalpel.core.io.Json;
import dev.scalpel.flywheel.registry.Champion;
import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.flywheel.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalpel models show}: one version's record. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Show a version: parent, dataset version, metrics, provenance, settings and gate report.")
final class ModelsShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "VERSION",
      arity = "0..1",
      description = "A version such as intent-3 (default: the champion).")
  String version;

  @Option(names = "--json", description = "Print the version record (version.json) as JSON.")
  boolean json;

  @Mixin RegistryOptions registryOptions;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ModelRegistry registry = registryOptions.registry();
    String champion = registry.champion().map(Champion::version).orElse(null);
    String wanted = version != null ? version : champion;
    if (wanted == null) {
      throw new CliException("'" + registry.name() + "' has no champion yet: name a VERSION");
    }
    ModelVersion record = registry.version(wanted);
    if (json) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(record));
    } else {
      RegistryPrinter.version(out, record, wanted.equals(champion));
      out.println("  model file        " + registry.modelPath(wanted));
    }
    out.flush();
    return 0;
  }
}
