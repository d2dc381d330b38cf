package dev.scalpel.cli;

import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.gateway.Gateway;
import dev.scalpel.gateway.config.ConfigLoader;
import dev.scalpel.gateway.config.GatewayConfig;
import dev.scalpel.gateway.http.ReloadResult;
import dev.scalpel.gateway.routing.ChampionSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalpel serve}: runs the OpenAI-compatible gateway until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the OpenAI-compatible gateway described by a configuration file, until Ctrl-C.",
      "Stopping lets in-flight requests finish and flushes the request log."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      description = "The gateway configuration (scalpel.yaml).")
  Path config;

  @Option(
      names = "--port",
      description = "Port to listen on (overrides server.port; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--data-dir",
      description = "Directory for stored state (overrides storage.data_dir).")
  Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    GatewayConfig loaded = ConfigLoader.create().load(config);
    if (port != null) {
      loaded = loaded.withPort(port);
    }
    if (dataDir != null) {
      loaded = loaded.withDataDir(dataDir);
    }
    Gateway gateway = Gateway.start(loaded, ServeCommand::champions);
    out.printf(
        "Scalpel gateway listening on http://%s:%d/v1 (config %s, data %s)%n",
        loaded.server().host(), gateway.port(), config, loaded.dataDir());
    boolean hangup =
        Hangup.onHangup(() -> {
          String result =
              switch (gateway.reload()) {
                case ReloadResult.Reloaded r -> "configuration reloaded from " + r.source();
                case ReloadResult.Rejected r -> "configuration reload refused: " + r.message();
              };
          out.println(result);
          out.flush();
        });
    out.println(
        "Stop with Ctrl-C."
            + (hangup
                ? " Reload the configuration with kill -HUP "
                    + ProcessHandle.current().pid()
                    + " or POST /admin/reload."
                : " Reload the configuration with POST /admin/reload."));
    out.flush();
    Foreground.runUntilStopped(gateway::close);
    return 0;
  }

  /**
   * The champion of registry {@code name}, read from its directory on every check; the gateway
   * loads the model itself, so the registry is never asked for an encoder.
   */
  static ChampionSource champions(Path root, String name) {
    ModelRegistry registry =
        ModelRegistry.open(
            root,
            name,
            identity -> {
              throw new IllegalStateException("the gateway loads champion models itself");
            });
    return () -> registry.champion().map(c -> new ChampionSource.Serving(c.version(), c.model()));
  }
}
