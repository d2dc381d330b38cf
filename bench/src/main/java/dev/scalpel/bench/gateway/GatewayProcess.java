package dev.scalpel.bench.gateway;

import dev.scalpel.gateway.Gateway;
import dev.scalpel.gateway.config.ConfigLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The gateway as a child process of the benchmark, so that its resident memory and CPU time are its
 * own: starts a {@link Gateway} from the config file given as the only argument, prints {@value
 * #PORT_LINE} and the port, and runs until its standard input is closed; then stops the gateway
 * (in-flight requests finish, the request log is flushed) and prints {@value #STOPPED_LINE}.
 */
public final class GatewayProcess {
  static final String PORT_LINE = "scalpel-gateway-port ";
  static final String STOPPED_LINE = "scalpel-gateway-stopped";

  private GatewayProcess() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: GatewayProcess <scalpel.yaml>");
      System.exit(2);
    }
    try (Gateway gateway = Gateway.start(ConfigLoader.create().load(Path.of(args[0])))) {
      System.out.println(PORT_LINE + gateway.port());
      System.out.flush();
      System.in.transferTo(OutputStream.nullOutputStream());
    }
    System.out.println(STOPPED_LINE);
    System.out.flush();
  }
}
