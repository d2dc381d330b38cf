package dev.scalpel.gateway.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.route.Route;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestRecordTest {
  private static RequestRecord.Builder valid() {
    return RequestRecord.builder().id("r1").time(Records.T0).route(Route.LOCAL);
  }

  @Test
  void builderDefaultsAreEmptyNotNull() {
    RequestRecord r = valid().build();

    assertThat(r.apiKeyId()).isEmpty();
    assertThat(r.specialist()).isEmpty();
    assertThat(r.upstream()).isEmpty();
    assertThat(r.error()).isEmpty();
    assertThat(r.requestText()).isEmpty();
    assertThat(r.confidence()).isNull();
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void nullTextsBecomeEmpty() {
    RequestRecord r =
        new RequestRecord(
            "r1",
            Records.T0,
            null,
            Route.PASSTHROUGH,
            null,
            null,
            null,
            null,
            null,
            null,
            1,
            2,
            0.5,
            0.5,
            3,
            200,
            null,
            null,
            null,
            null);

    assertThat(r.apiKeyId()).isEmpty();
    assertThat(r.label()).isEmpty();
    assertThat(r.upstreamModel()).isEmpty();
    assertThat(r.error()).isEmpty();
  }

  @Test
  void timeIsKeptToTheMillisecond() {
    RequestRecord r = valid().time(Instant.parse("2026-11-01T10:00:00.123456789Z")).build();

    assertThat(r.time()).isEqualTo(Instant.parse("2026-11-01T10:00:00.123Z"));
  }

  @Test
  void rejectsBlankId() {
    assertThatThrownBy(() -> valid().id(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request id must not be blank (found ' ')");
  }

  @Test
  void rejectsMissingRoute() {
    assertThatThrownBy(() -> valid().route(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("route");
  }

  @Test
  void rejectsConfidenceOutsideTheUnitInterval() {
    assertThatThrownBy(() -> valid().specialist("intent", "v1", "greet", 1.5).build())
        .hasMessage("r1: confidence must be in [0, 1], found 1.5");
    assertThatThrownBy(() -> valid().specialist("intent", "v1", "greet", Double.NaN).build())
        .hasMessage("r1: confidence must be in [0, 1], found NaN");
  }

  @Test
  void rejectsNegativeOrNonFiniteAmounts() {
    assertThatThrownBy(() -> valid().tokens(-1, 0).build())
        .hasMessage("r1: token counts must be >= 0, found in=-1 out=0");
    assertThatThrownBy(() -> valid().cost(-0.01, 0).build())
        .hasMessage("r1: costUsd must be finite and >= 0, found -0.01");
    assertThatThrownBy(() -> valid().cost(0, Double.POSITIVE_INFINITY).build())
        .hasMessage("r1: counterfactualCostUsd must be finite and >= 0, found Infinity");
    assertThatThrownBy(() -> valid().latencyMs(Double.NaN).build())
        .hasMessage("r1: latencyMs must be finite and >= 0, found NaN");
  }

  @Test
  void rejectsImpossibleStatus() {
    assertThatThrownBy(() -> valid().status(42).build())
        .hasMessage("r1: status must be an HTTP status (100-599), found 42");
  }
}
