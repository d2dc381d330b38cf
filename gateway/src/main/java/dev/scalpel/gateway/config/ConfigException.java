package dev.scalpel.gateway.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used. The message names the file, the key, what was expected
 * and what was found: {@code scalpel.yaml: upstreams.tiers[0].base_url: expected an http(s) URL,
 * found "localhost:8089"}.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(Path file, String key, String problem) {
    super(file + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
  }
}
