package org.ailedger.indexer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The one counter of store failures, with the side that met them as its label. */
final class StoreErrors {
  /** The ingester's commits and cursor reads (each retried with back-off). */
  static final String WRITE = "write";

  /** The REST API's reads (each answered as a 500 problem). */
  static final String READ = "read";

  private StoreErrors() {}

  static Counter counter(MeterRegistry registry, String operation) {
    return Counter.builder("ailedger_indexer_store_errors")
        .description("store operations that failed, by side: write (ingester) or read (REST API)")
        .tag("operation", operation)
        .register(registry);
  }
}
