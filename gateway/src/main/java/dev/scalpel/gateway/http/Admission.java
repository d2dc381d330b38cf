package dev.scalpel.gateway.http;

import dev.scalpel.gateway.access.Access;
import dev.scalpel.gateway.access.Authentication;
import dev.scalpel.gateway.access.BudgetCheck;
import dev.scalpel.gateway.access.BudgetLedger;
import dev.scalpel.gateway.access.KeyInfo;
import dev.scalpel.gateway.access.RateCheck;
import dev.scalpel.gateway.access.RateLimiter;
import dev.scalpel.gateway.access.Reservation;
import dev.scalpel.gateway.access.Scope;

/**
 * Who may send a request and how much: the API key and its scope, the key's rate limits, and its
 * budget, reserved before an upstream call and settled after. Every refusal is thrown as the
 * OpenAI-shaped {@link ApiException} the client gets (401, 403 or 429 with Retry-After).
 */
final class Admission {
  private final Access access;
  private final RateLimiter limiter;
  private final BudgetLedger ledger;

  Admission(Access access, RateLimiter limiter, BudgetLedger ledger) {
    this.access = access;
    this.limiter = limiter;
    this.ledger = ledger;
  }

  /**
   * The key presented in {@code authorization}, if it may call an endpoint needing {@code scope}.
   */
  KeyInfo authenticate(String authorization, Scope scope) {
    return switch (access.authenticate(authorization, scope)) {
      case Authentication.Granted granted -> granted.key();
      case Authentication.Denied denied -> throw denied.refusal().toApiException();
    };
  }

  /** Counts a request of {@code promptTokens} against the key's rate limits, or refuses it. */
  void admit(KeyInfo key, long promptTokens) {
    switch (limiter.acquire(key, promptTokens)) {
      case RateCheck.Allowed allowed -> {}
      case RateCheck.Limited limited -> throw limited.refusal().toApiException();
    }
  }

  /** Holds {@code maxCostUsd} of the key's budget for an upstream call, or refuses it. */
  Reservation reserve(KeyInfo key, double maxCostUsd) {
    return switch (ledger.reserve(key, maxCostUsd)) {
      case BudgetCheck.Reserved reserved -> reserved.reservation();
      case BudgetCheck.OverBudget over -> throw over.refusal().toApiException();
    };
  }

  /** Counts tokens used beyond those counted at admission (the completion). */
  void charge(KeyInfo key, long tokens) {
    limiter.chargeTokens(key, tokens);
  }
}
