package dev.scalpel.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The gateway's Prometheus metrics: requests by route and status, latency histograms by route,
 * upstream errors, tokens, cost and savings.
 */
public final class GatewayMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Records one finished request. */
  public void request(
      String route,
      int status,
      Duration latency,
      long tokensIn,
      long tokensOut,
      double costUsd,
      double counterfactualUsd) {
    Counter.builder("scalpel_requests")
        .description("Requests by route and HTTP status")
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
    Timer.builder("scalpel_request_latency")
        .description("End-to-end request latency")
        .tag("route", route)
        .publishPercentileHistogram()
        .register(registry)
        .record(latency);
    DistributionSummary.builder("scalpel_tokens")
        .tag("direction", "in")
        .register(registry)
        .record(tokensIn);
    DistributionSummary.builder("scalpel_tokens")
        .tag("direction", "out")
        .register(registry)
        .record(tokensOut);
    Counter.builder("scalpel_cost_usd").tag("route", route).register(registry).increment(costUsd);
    Counter.builder("scalpel_savings_usd")
        .description("Counterfactual cost on the default generalist minus actual cost")
        .register(registry)
        .increment(Math.max(0, counterfactualUsd - costUsd));
  }

  /** Records an upstream failure of {@code tier} of this kind. */
  public void upstreamError(String tier, String kind) {
    Counter.builder("scalpel_upstream_errors")
        .tag("tier", tier)
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
