package dev.scalpel.cli;

import dev.scalpel.core.io.Json;
import dev.scalpel.flywheel.registry.Champion;
import dev.scalpel.flywheel.registry.ModelRegistry;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalpel models list}: the registered versions, the champion marked. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the registered model versions; * marks the champion.")
final class ModelsListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the champion and every version record as JSON.")
  boolean json;

  @Mixin RegistryOptions registryOptions;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ModelRegistry registry = registryOptions.registry();
    String champion = registry.champion().map(Champion::version).orElse(null);
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("name", registry.name());
      document.put("champion", champion);
      document.put("versions", registry.versions());
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
    } else {
      out.println(registry.name() + " (" + registry.directory() + "):");
      RegistryPrinter.versions(out, registry.versions(), champion);
    }
    out.flush();
    return 0;
  }
}
