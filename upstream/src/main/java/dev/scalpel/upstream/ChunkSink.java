package dev.scalpel.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Receives a streamed chat completion as it arrives, on the calling thread, so the gateway can
 * forward each chunk to its client at once. Once the first chunk was handed over, a failure can no
 * longer fall back to another tier: the outcome is then {@link UpstreamOutcome.StreamBroken}.
 */
public interface ChunkSink {
  /**
   * One {@code chat.completion.chunk}: {@code data} is the exact JSON text of the SSE {@code data:}
   * line (forward it unchanged), {@code chunk} the same parsed.
   *
   * @throws IOException if the client is gone; the upstream call is then cancelled
   */
  void onChunk(String data, JsonNode chunk) throws IOException;

  /**
   * The stream ended normally (the upstream sent {@code data: [DONE]}); send {@code data: [DONE]}.
   *
   * @throws IOException if the client is gone
   */
  void onDone() throws IOException;
}
