package dev.scalpel.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.gateway.config.GatewayConfig;
import dev.scalpel.gateway.http.ApiException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication over configured keys and stored keys, and scopes. */
class AccessTest {
  @TempDir Path dir;
  private KeyStore store;
  private Access access;

  @BeforeEach
  void open() {
    store = AccessFiles.keyStore(dir, new MutableClock(Instant.parse("2026-11-23T12:00:00Z")));
    access =
        Access.create(
            store,
            List.of(
                StaticKey.of(new GatewayConfig.ApiKey("quickstart", "sk-scalpel-quickstart")),
                new StaticKey(
                    "root", "sk-root-secret", Scope.ADMIN, Budget.UNLIMITED, RateLimits.NONE)));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Refusal denied(String authorization, Scope needed) {
    Authentication result = access.authenticate(authorization, needed);
    assertThat(result).isInstanceOf(Authentication.Denied.class);
    return ((Authentication.Denied) result).refusal();
  }

  private KeyInfo granted(String authorization, Scope needed) {
    Authentication result = access.authenticate(authorization, needed);
    assertThat(result).isInstanceOf(Authentication.Granted.class);
    return ((Authentication.Granted) result).key();
  }

  @Test
  void aMissingKeyIs401() {
    Refusal expected =
        new Refusal(
            401,
            "authentication_error",
            "invalid_api_key",
            "You didn't provide an API key. Send it in the Authorization header: Bearer YOUR_KEY.",
            Duration.ZERO);

    assertThat(denied(null, Scope.INFERENCE)).isEqualTo(expected);
    assertThat(denied("  ", Scope.INFERENCE)).isEqualTo(expected);
  }

  @Test
  void anUnknownKeyIs401() {
    Refusal refusal = denied("Bearer sk-scalpel-nope", Scope.INFERENCE);

    assertThat(refusal.status()).isEqualTo(401);
    assertThat(refusal.type()).isEqualTo("authentication_error");
    assertThat(refusal.code()).isEqualTo("invalid_api_key");
    assertThat(refusal.message())
        .isEqualTo("Incorrect API key provided. Check the key, or ask the operator for one.");
    assertThat(refusal.retryAfterHeader()).isEmpty();
  }

  @Test
  void configuredKeysAreInferenceKeysWithoutLimits() {
    KeyInfo key = granted("Bearer sk-scalpel-quickstart", Scope.INFERENCE);

    assertThat(key)
        .isEqualTo(
            new KeyInfo(
                "config:quickstart",
                "quickstart",
                Scope.INFERENCE,
                "sk-scalpel-quic",
                Instant.EPOCH,
                Budget.UNLIMITED,
                RateLimits.NONE));
    assertThat(granted("bearer   sk-scalpel-quickstart ", Scope.INFERENCE)).isEqualTo(key);
    assertThat(granted("sk-scalpel-quickstart", Scope.INFERENCE)).isEqualTo(key);
  }

  @Test
  void anInferenceKeyOnAnAdminEndpointIs403() {
    NewKey stored =
        ((KeyCreation.Created) store.create(KeyRequest.inference("app"), "cli:alice")).key();

    Refusal refusal = denied("Bearer " + stored.secret(), Scope.ADMIN);

    assertThat(refusal)
        .isEqualTo(
            new Refusal(
                403,
                "permission_error",
                "insufficient_scope",
                "The API key 'app' has the inference scope; this endpoint needs a key with the"
                    + " admin scope.",
                Duration.ZERO));
    assertThat(denied("Bearer sk-scalpel-quickstart", Scope.ADMIN).status()).isEqualTo(403);
  }

  @Test
  void anAdminKeyMayAlsoCallInferenceEndpoints() {
    NewKey stored =
        ((KeyCreation.Created)
                store.create(
                    new KeyRequest("ops", Scope.ADMIN, Budget.UNLIMITED, RateLimits.NONE),
                    "cli:alice"))
            .key();

    assertThat(granted("Bearer " + stored.secret(), Scope.ADMIN)).isEqualTo(stored.key());
    assertThat(granted("Bearer " + stored.secret(), Scope.INFERENCE)).isEqualTo(stored.key());
    assertThat(granted("Bearer sk-root-secret", Scope.ADMIN).id()).isEqualTo("config:root");
  }

  @Test
  void aRefusalBecomesTheGatewaysOpenAiError() {
    ApiException e = denied("Bearer sk-scalpel-nope", Scope.INFERENCE).toApiException();

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.type()).isEqualTo("authentication_error");
    assertThat(e.code()).isEqualTo("invalid_api_key");
    assertThat(e.param()).isEmpty();
    assertThat(e.retryAfter()).isEmpty();
  }
}
