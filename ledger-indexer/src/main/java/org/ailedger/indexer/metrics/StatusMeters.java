package org.ailedger.indexer.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.ailedger.indexer.ingest.IngestStatus;

/**
 * The ingester's state as one gauge per state, 1 for the current one and 0 for the others (the
 * Prometheus way to export an enumeration), with the names {@code /v1/health} uses.
 */
public final class StatusMeters {
  static final List<String> STATES =
      List.of("starting", "ok", "catching-up", "retrying", "halted", "stopped");

  private StatusMeters() {}

  public static void register(MeterRegistry registry, Supplier<IngestStatus> status) {
    for (String state : STATES) {
      Gauge.builder(
              "ailedger_indexer_status",
              status,
              current -> state.equals(name(current.get())) ? 1 : 0)
          .description("1 for the ingester's current state (as /v1/health names it), else 0")
          .tag("status", state)
          .strongReference(true)
          .register(registry);
    }
  }

  static String name(IngestStatus status) {
    return switch (status) {
      case IngestStatus.Starting starting -> "starting";
      case IngestStatus.Following following -> following.caughtUp() ? "ok" : "catching-up";
      case IngestStatus.Retrying retrying -> "retrying";
      case IngestStatus.Halted halted -> "halted";
      case IngestStatus.Stopped stopped -> "stopped";
    };
  }
}
