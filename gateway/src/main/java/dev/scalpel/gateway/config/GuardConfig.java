package dev.scalpel.gateway.config;

import dev.scalpel.guard.pii.PiiType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The guard in front of routing: which kinds of personal data are detected in every message (empty:
 * detection off), the regions whose phone formats count without a country code, whether the
 * originals are put back into answers for the client, and whether the request log and the hand-off
 * queue keep raw text instead of redacted text.
 */
public record GuardConfig(
    Set<PiiType> piiTypes, List<String> phoneRegions, boolean restore, boolean storeRaw) {
  public GuardConfig {
    piiTypes = piiTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(piiTypes));
    phoneRegions = List.copyOf(phoneRegions);
  }

  /** Every type detected, US phone formats, originals restored, redacted storage. */
  public static GuardConfig defaults() {
    return new GuardConfig(EnumSet.allOf(PiiType.class), List.of("US"), true, false);
  }
}
