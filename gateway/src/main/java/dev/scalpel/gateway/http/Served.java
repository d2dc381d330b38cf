package dev.scalpel.gateway.http;

import dev.scalpel.core.route.Route;
import java.time.Duration;
import java.time.Instant;

/** Everything accounting needs to know about one finished request. */
public record Served(
    String requestId,
    Instant time,
    String apiKey,
    Route route,
    String specialist,
    String modelVersion,
    String label,
    Double confidence,
    String tier,
    String upstreamModel,
    long tokensIn,
    long tokensOut,
    double costUsd,
    double counterfactualCostUsd,
    Duration latency,
    int status,
    String error,
    String requestText,
    String reason,
    String conversation) {}
