package dev.scalpel.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Token buckets per key, driven by a clock that only moves when the test moves it. */
class RateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
  private final RateLimiter limiter = RateLimiter.create(clock);

  private static KeyInfo key(String name, long rpm, long tpm) {
    return new KeyInfo(
        "key_" + name,
        name,
        Scope.INFERENCE,
        "sk-scalpel-abcd",
        Instant.EPOCH,
        Budget.UNLIMITED,
        new RateLimits(rpm, tpm));
  }

  private RateCheck.Limited limited(KeyInfo key, long tokens) {
    RateCheck check = limiter.acquire(key, tokens);
    assertThat(check).isInstanceOf(RateCheck.Limited.class);
    return (RateCheck.Limited) check;
  }

  @Test
  void requestsPerMinuteBurstToTheLimitThenRefillAtItsPace() {
    KeyInfo key = key("rpm", 3, 0);

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire(key, 1_000_000)).isEqualTo(RateCheck.ALLOWED);
    }
    RateCheck.Limited fourth = limited(key, 1);
    assertThat(fourth.retryAfter()).isEqualTo(Duration.ofSeconds(20));
    assertThat(fourth.limit()).isEqualTo("requests");

    clock.advance(Duration.ofSeconds(19));
    assertThat(limited(key, 1).retryAfter()).isEqualTo(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.acquire(key, 1)).isEqualTo(RateCheck.ALLOWED);
    assertThat(limited(key, 1).retryAfter()).isEqualTo(Duration.ofSeconds(20));

    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire(key, 1)).isEqualTo(RateCheck.ALLOWED);
    }
    assertThat(limited(key, 1).retryAfter()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void tokensPerMinuteCountPromptsUpFrontAndCompletionsAfter() {
    KeyInfo key = key("tpm", 0, 1_000);

    assertThat(limiter.acquire(key, 600)).isEqualTo(RateCheck.ALLOWED);
    RateCheck.Limited second = limited(key, 600);
    // 200 tokens short at 1,000 a minute: 12 seconds.
    assertThat(second.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    assertThat(second.limit()).isEqualTo("tokens");

    limiter.chargeTokens(key, 300);
    assertThat(limited(key, 600).retryAfter()).isEqualTo(Duration.ofSeconds(30));

    clock.advance(Duration.ofSeconds(30));
    assertThat(limiter.acquire(key, 600)).isEqualTo(RateCheck.ALLOWED);
  }

  @Test
  void givingTokensBackNeverFillsPastAMinutesWorth() {
    KeyInfo key = key("refund", 0, 1_000);

    assertThat(limiter.acquire(key, 1_000)).isEqualTo(RateCheck.ALLOWED);
    limiter.chargeTokens(key, -5_000);

    assertThat(limiter.acquire(key, 1_000)).isEqualTo(RateCheck.ALLOWED);
    assertThat(limited(key, 1).retryAfter()).isEqualTo(Duration.ofMillis(60));
  }

  @Test
  void aPromptLargerThanAMinutesAllowanceWaitsForAFullBucketAndThenForItsDebt() {
    KeyInfo key = key("big", 0, 1_000);

    assertThat(limiter.acquire(key, 10)).isEqualTo(RateCheck.ALLOWED);
    assertThat(limited(key, 3_000).retryAfter()).isEqualTo(Duration.ofMillis(600));

    clock.advance(Duration.ofMillis(600));
    assertThat(limiter.acquire(key, 3_000)).isEqualTo(RateCheck.ALLOWED);
    // 2,000 tokens in debt, and 1 more wanted: 2,001 tokens at 1,000 a minute.
    assertThat(limited(key, 1).retryAfter()).isEqualTo(Duration.ofMillis(120_060));
  }

  @Test
  void bothLimitsMustAdmitAndTheLongerWaitIsReported() {
    KeyInfo key = key("both", 2, 100);

    assertThat(limiter.acquire(key, 90)).isEqualTo(RateCheck.ALLOWED);
    RateCheck.Limited tokens = limited(key, 40);
    assertThat(tokens.limit()).isEqualTo("tokens");
    assertThat(tokens.retryAfter()).isEqualTo(Duration.ofSeconds(18));
    // Refused requests are not counted: the request bucket still has one.
    assertThat(limiter.acquire(key, 10)).isEqualTo(RateCheck.ALLOWED);
    RateCheck.Limited requests = limited(key, 0);
    assertThat(requests.limit()).isEqualTo("requests");
    assertThat(requests.retryAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void keysHaveTheirOwnBucketsAndUnlimitedKeysAreNeverLimited() {
    KeyInfo a = key("a", 1, 0);
    KeyInfo b = key("b", 1, 0);
    KeyInfo free = key("free", 0, 0);

    assertThat(limiter.acquire(a, 1)).isEqualTo(RateCheck.ALLOWED);
    assertThat(limiter.acquire(b, 1)).isEqualTo(RateCheck.ALLOWED);
    limited(a, 1);
    for (int i = 0; i < 1_000; i++) {
      assertThat(limiter.acquire(free, 1_000_000)).isEqualTo(RateCheck.ALLOWED);
    }
  }

  @Test
  void aLimitIsA429InOpenAisShapeWithRetryAfterInWholeSeconds() {
    KeyInfo key = key("ci", 0, 1_000);
    limiter.acquire(key, 1_000);

    Refusal refusal = limited(key, 1).refusal();

    assertThat(refusal.status()).isEqualTo(429);
    assertThat(refusal.type()).isEqualTo("tokens");
    assertThat(refusal.code()).isEqualTo("rate_limit_exceeded");
    assertThat(refusal.retryAfterHeader()).isEqualTo("1");
    assertThat(refusal.message())
        .isEqualTo(
            "Rate limit reached for the API key 'ci' on tokens per min (TPM): Limit 1000. Please"
                + " try again in 1s.");
  }
}
