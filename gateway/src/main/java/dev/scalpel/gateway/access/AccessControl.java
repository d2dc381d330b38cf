package dev.scalpel.gateway.access;

import java.util.Objects;

/**
 * Everything that decides who may call a gateway and how much: keys and scopes, the key store
 * behind the admin API, rate limits and budgets.
 */
public record AccessControl(
    Access access, KeyStore keys, RateLimiter limiter, BudgetLedger ledger) {
  public AccessControl {
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(limiter, "limiter");
    Objects.requireNonNull(ledger, "ledger");
  }
}
