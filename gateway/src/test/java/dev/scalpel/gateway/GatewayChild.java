package dev.scalpel.gateway;

import dev.scalpel.gateway.config.ConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The gateway process {@link GatewayKillTest} kills: starts a gateway from the configuration file
 * named by the first argument, prints {@code port=<n>} once it listens, and serves until killed.
 */
final class GatewayChild {
  private GatewayChild() {}

  public static void main(String[] args) throws InterruptedException {
    Gateway gateway = Gateway.start(ConfigLoader.create().load(Path.of(args[0])));
    System.out.println("port=" + gateway.port());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
