package dev.scalpel.gateway.config;

import java.time.Duration;

/** Listener and request limits. */
public record ServerConfig(
    String host,
    int port,
    Duration requestDeadline,
    int maxBodyBytes,
    int maxMessages,
    int maxPromptTokens) {
  public static final int DEFAULT_PORT = 8080;
}
