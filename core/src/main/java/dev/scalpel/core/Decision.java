package dev.scalpel.core;

import java.util.Locale;

/**
 * A specialist's verdict on one text: {@code answer} (confident and in scope), {@code abstain}
 * (below the abstain threshold) or {@code oos} (out of scope). The lower-case names are the wire
 * vocabulary everywhere.
 */
public enum Decision {
  ANSWER,
  ABSTAIN,
  OOS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
