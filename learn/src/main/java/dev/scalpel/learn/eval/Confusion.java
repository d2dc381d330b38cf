package dev.scalpel.learn.eval;

/** How often examples of {@code gold} were predicted as {@code predicted}. */
public record Confusion(String gold, String predicted, int count) {}
