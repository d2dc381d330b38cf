package dev.scalpel.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.embed.Pooling;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KbMetadataTest {
  private static final EncoderIdentity ENCODER =
      new EncoderIdentity("bge-small-en-v1.5-q", "0f".repeat(32), 384, Pooling.CLS);
  private static final Path DIR = Path.of("data", "kb", "default");

  @Test
  void roundTripsThroughTheCommitUserData() {
    // Three documents, one of them empty: fewer passages than documents is fine.
    KbMetadata metadata =
        new KbMetadata(1, ENCODER, 3, 2, 160, Instant.parse("2026-11-23T12:00:00Z"), "/kb");

    Map<String, String> data = metadata.toUserData();

    assertThat(data)
        .containsEntry("scalpel.kb.format", "1")
        .containsEntry("scalpel.kb.encoder.sha256", "0f".repeat(32))
        .containsEntry("scalpel.kb.created", "2026-11-23T12:00:00Z");
    assertThat(KbMetadata.fromUserData(DIR, data)).isEqualTo(metadata);
  }

  @Test
  void unreadableValuesAreReportedAsCorruption() {
    Map<String, String> data =
        new java.util.HashMap<>(
            new KbMetadata(1, ENCODER, 1, 1, 160, Instant.EPOCH, "/kb").toUserData());
    data.put("scalpel.kb.passages", "many");

    assertThatThrownBy(() -> KbMetadata.fromUserData(DIR, data))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(DIR + ": corrupted knowledge base metadata: For input string: \"many\"");
    assertThatThrownBy(() -> new KbMetadata(1, ENCODER, 1, 0, 160, Instant.EPOCH, "/kb"))
        .hasMessage(
            "expected at least one document and one passage, found 1 documents and 0 passages");
  }
}
