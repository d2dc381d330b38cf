/**
 * Scalpel's side of OpenAI-compatible upstream LLMs: {@link dev.scalpel.upstream.Tier}s with {@link
 * dev.scalpel.upstream.Prices}, and {@link dev.scalpel.upstream.Upstreams}, which calls them over a
 * fallback chain with retries, circuit breakers and a deadline and reports a sealed {@link
 * dev.scalpel.upstream.UpstreamOutcome}; {@link dev.scalpel.upstream.TokenCounter} estimates usage
 * that an upstream does not report.
 */
package dev.scalpel.upstream;
