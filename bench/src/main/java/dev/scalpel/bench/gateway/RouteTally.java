package dev.scalpel.bench.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every answer a target gave, warm-up included, counted by its {@code x-scalpel-route} header: what
 * the request log must hold once the gateway has stopped.
 */
final class RouteTally {
  static final String NO_ROUTE = "(none)";

  private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

  void count(String route) {
    counts.computeIfAbsent(route.isEmpty() ? NO_ROUTE : route, r -> new LongAdder()).increment();
  }

  long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Map<String, Long> byRoute() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((route, n) -> snapshot.put(route, n.sum()));
    return snapshot;
  }
}
