package dev.scalpel.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDetectorTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z",
        "sk-ant-api03-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z_0",
        "sk-Ab3dEf6hIj9kLm2nOp5qRs8t",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "AKIAIOSFODNN7EXAMPLE",
        "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
        "github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123456789",
        "xoxb-2048-1024-Ab3dEf6hIj9kLm",
        "xoxp-1234567890-abcdefghij",
        "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
        "glpat-Ab3dEf6hIj9kLm2nOp5q",
        "hf_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "Zx9Qw2Er7Ty1Ui3Op5As8Df0Gh4Jk6Lz",
        "q8Vb3Kx0Lm7Np2Rs5Tu9Wy4Za6Cd1Ef3Gh8Jk==",
      })
  void findsKnownShapesAndRandomTokens(String secret) {
    assertThat(Found.only(PiiType.SECRET, "here it is: " + secret + " (keep it safe)"))
        .containsExactly(secret);
  }

  @Test
  void findsAnnouncedSecretsEvenWhenTheyAreHex() {
    assertThat(
            Found.only(
                PiiType.SECRET,
                "my api key is 3f2a9c0b7d1e4f5a6b7c8d9e and token=0123abcd4567ef89aa, pwd: x"))
        .containsExactly("3f2a9c0b7d1e4f5a6b7c8d9e", "0123abcd4567ef89aa");
    assertThat(Found.only(PiiType.SECRET, "curl -H 'Authorization: Bearer abc123def456ghi789'"))
        .containsExactly("abc123def456ghi789");
  }

  @Test
  void findsPrivateKeyBlocks() {
    String key =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX\n-----END RSA PRIVATE KEY-----";
    assertThat(Found.only(PiiType.SECRET, "key:\n" + key + "\nbye")).containsExactly(key);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "commit 3f2a9c0b7d1e4f5a6b7c8d9e0f1a2b3c4d5e6f7a fixed it", // a hash, no key word
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "request id 123e4567-e89b-12d3-a456-426614174000",
        "CustomerAccountServiceImplementation2024 is the class",
        "the internationalization-and-localization-guidelines page",
        "see https://example.com/docs/getting-started/installation-guide",
        "img data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
        "sk-short",
        "AKIA1234",
        "my password is hunter2",
        "token expired, please log in",
        "tracking number 1Z999AA10123456784",
      })
  void nearMissesAreNotSecrets(String text) {
    assertThat(Found.only(PiiType.SECRET, text)).isEmpty();
  }

  @Test
  void tokenShape() {
    assertThat(TokenShape.of("Zx9Qw2Er7Ty1Ui3Op5As8Df0Gh4Jk6Lz", 0, 32).looksRandom()).isTrue();
    assertThat(TokenShape.of("ThisIsAVeryLongClassNameWith2024", 0, 32).looksRandom()).isFalse();
    assertThat(TokenShape.of("aaaaaaaaaaaaaaaaAAAAAAAAAAAA1111", 0, 32).looksRandom()).isFalse();
  }
}
