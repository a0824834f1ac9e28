package org.ailedger.indexer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.ailedger.indexer.api.ApiObserver;

/**
 * The REST API's meters: a latency histogram per route template and status, and the store's
 * failures on reads. Labels come only from route templates and status codes, never from a raw path
 * or parameter, so clients cannot grow the number of series.
 */
public final class ApiMeters implements ApiObserver {
  /** Buckets around the 10 ms p99 goal of the fixed paths, up to the 5 s {@code minBlock} wait. */
  private static final Duration[] REQUEST_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;
  private final Counter storeErrors;
  private final Counter cacheHits;
  private final Counter cacheMisses;

  private ApiMeters(MeterRegistry registry) {
    this.registry = registry;
    this.storeErrors = StoreErrors.counter(registry, StoreErrors.READ);
    this.cacheHits = cacheCounter(registry, "hit");
    this.cacheMisses = cacheCounter(registry, "miss");
  }

  private static Counter cacheCounter(MeterRegistry registry, String result) {
    return Counter.builder("ailedger_indexer_answer_cache_requests")
        .description(
            "REST reads answered from the answer cache of the indexed head (hit) or from the store"
                + " (miss)")
        .tag("result", result)
        .register(registry);
  }

  public static ApiMeters register(MeterRegistry registry) {
    return new ApiMeters(registry);
  }

  @Override
  public void answered(String route, int status, Duration took) {
    // the registry returns the existing timer for a known name and tags
    Timer.builder("ailedger_indexer_http_request")
        .description(
            "time from a request's arrival until its answer's headers are written, by route and"
                + " status")
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .serviceLevelObjectives(REQUEST_BUCKETS)
        .register(registry)
        .record(took);
  }

  @Override
  public void storeFailed() {
    storeErrors.increment();
  }

  @Override
  public void answerCache(boolean hit) {
    (hit ? cacheHits : cacheMisses).increment();
  }
}
