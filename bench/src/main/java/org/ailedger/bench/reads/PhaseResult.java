package org.ailedger.bench.reads;

import java.time.Duration;
import java.util.Optional;

/** What one phase of identical requests measured. */
record PhaseResult(
    String phase,
    int requests,
    Duration elapsed,
    long p50Nanos,
    long p99Nanos,
    Optional<Duration> serverCpu,
    Duration clientCpu) {

  double perSecond() {
    return requests / (elapsed.toNanos() / 1e9);
  }

  String line() {
    return String.format(
        "%-6s %7d req  %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  server CPU/req %s  client CPU/req %.1f µs",
        phase,
        requests,
        perSecond(),
        p50Nanos / 1e6,
        p99Nanos / 1e6,
        serverCpu
            .map(cpu -> String.format("%.1f µs", cpu.toNanos() / 1e3 / requests))
            .orElse("n/a"),
        clientCpu.toNanos() / 1e3 / requests);
  }
}
