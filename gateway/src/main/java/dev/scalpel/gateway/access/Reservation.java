package dev.scalpel.gateway.access;

/**
 * Money held against a key's budget while its request runs upstream. End it exactly once: {@link
 * #settle} with what the call cost, or {@link #release} when nothing was spent. An unended
 * reservation keeps its money held until the gateway restarts.
 */
public interface Reservation {
  /** The amount held, in nano-dollars (0 for a key without a budget). */
  long heldNanoUsd();

  /**
   * Replaces the hold with the actual cost, which is written to the database before this returns. A
   * cost above the hold is charged in full (the money is spent); the key's next requests see it.
   *
   * @throws IllegalStateException when the reservation was already settled or released
   * @throws AccessException when the spend cannot be written (the hold is released all the same)
   */
  void settle(double actualCostUsd);

  /**
   * Gives the hold back unspent (the request failed before an upstream charged it).
   *
   * @throws IllegalStateException when the reservation was already settled or released
   */
  void release();
}
