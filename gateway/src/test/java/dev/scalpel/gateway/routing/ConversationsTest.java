package dev.scalpel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalpel.gateway.config.ConversationConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Remembered escalations: follow-ups only, expiry, the size bound, and stickiness off. */
class ConversationsTest {
  private final AtomicLong now = new AtomicLong(1_000);

  private Conversations conversations(boolean sticky, int max) {
    return Conversations.create(
        new ConversationConfig(sticky, 0.9, Duration.ofMinutes(10), max), now::get);
  }

  @Test
  void aFollowUpOfAnEscalatedConversationIsSticky() {
    Conversations c = conversations(true, 10);
    c.escalated(new ConversationKey("a", false), "large", "P.");

    assertThat(c.state(new ConversationKey("a", true)))
        .isEqualTo(new ConversationState.Escalated("large", "P."));
    assertThat(c.state(new ConversationKey("a", false))).isEqualTo(ConversationState.FRESH);
    assertThat(c.state(new ConversationKey("b", true))).isEqualTo(ConversationState.FRESH);
  }

  @Test
  void aConversationIsForgottenAfterItsTtl() {
    Conversations c = conversations(true, 10);
    c.escalated(new ConversationKey("a", true), "large", "");

    now.addAndGet(Duration.ofMinutes(10).toNanos() - 1);
    assertThat(c.state(new ConversationKey("a", true)))
        .isInstanceOf(ConversationState.Escalated.class);
    now.addAndGet(1);
    assertThat(c.state(new ConversationKey("a", true))).isEqualTo(ConversationState.FRESH);
    assertThat(c.size()).isZero();
  }

  @Test
  void theLeastRecentlyUsedConversationIsForgottenFirst() {
    Conversations c = conversations(true, 2);
    c.escalated(new ConversationKey("a", true), "t", "");
    c.escalated(new ConversationKey("b", true), "t", "");
    c.state(new ConversationKey("a", true));
    c.escalated(new ConversationKey("c", true), "t", "");

    assertThat(c.size()).isEqualTo(2);
    assertThat(c.state(new ConversationKey("b", true))).isEqualTo(ConversationState.FRESH);
    assertThat(c.state(new ConversationKey("a", true)))
        .isInstanceOf(ConversationState.Escalated.class);
  }

  @Test
  void withoutStickinessNothingIsRemembered() {
    Conversations c = conversations(false, 10);
    c.escalated(new ConversationKey("a", true), "large", "");

    assertThat(c.state(new ConversationKey("a", true))).isEqualTo(ConversationState.FRESH);
    assertThat(c.size()).isZero();
  }
}
