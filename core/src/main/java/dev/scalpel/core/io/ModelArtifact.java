package dev.scalpel.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a model file: a JSON metadata document (labels, configuration, thresholds,
 * metrics, provenance) and named binary sections (weights, vocabulary). What the sections mean is
 * up to the model that wrote them.
 */
public record ModelArtifact(String metadataJson, Map<String, byte[]> sections) {
  public ModelArtifact {
    if (metadataJson == null || metadataJson.isBlank()) {
      throw new IllegalArgumentException("metadata must not be blank");
    }
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  public byte[] section(String name) {
    byte[] bytes = sections.get(name);
    if (bytes == null) {
      throw new IllegalArgumentException(
          "no section '" + name + "' (found " + sections.keySet() + ")");
    }
    return bytes;
  }
}
