package dev.scalpel.embed;

/**
 * How token vectors become one sentence vector: the first ([CLS]) token, or the mean over real
 * tokens.
 */
public enum Pooling {
  CLS,
  MEAN
}
