package dev.scalpel.learn;

/** A label with its calibrated confidence. */
public record ScoredLabel(String label, double confidence) {}
