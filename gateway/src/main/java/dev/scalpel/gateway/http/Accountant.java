package dev.scalpel.gateway.http;

/**
 * Records finished requests. {@link #record} returns once the record is durable: the handler calls
 * it before the response is sent, so every answered request is accounted even if the gateway is
 * killed right after.
 */
@FunctionalInterface
public interface Accountant {
  void record(Served served);
}
