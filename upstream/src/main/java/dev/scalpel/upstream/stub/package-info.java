/**
 * The stub LLM: a real OpenAI-compatible HTTP server with deterministic answers and switchable
 * faults, started by {@code scalpel stub-llm} and used by tests and benchmarks as the upstream.
 */
package dev.scalpel.upstream.stub;
