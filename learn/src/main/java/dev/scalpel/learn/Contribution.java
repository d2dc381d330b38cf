package dev.scalpel.learn;

/**
 * An n-gram of the input and how much it pushed the score of the predicted label (kind: word or
 * char).
 */
public record Contribution(String ngram, String kind, double weight) {}
