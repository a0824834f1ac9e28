package org.ailedger.indexer.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;
import org.ailedger.indexer.api.ApiObserver;
import org.ailedger.indexer.ingest.IngestObserver;
import org.ailedger.indexer.ingest.IngestStatus;

/**
 * The indexer's meters in one Prometheus registry: what the ingester and the REST API report, and
 * the ingester's state, served by a {@link MetricsVerticle}.
 */
public final class IndexerMetrics {
  private final PrometheusMeterRegistry registry;
  private final IngestMeters ingest;
  private final ApiMeters api;

  private IndexerMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.ingest = IngestMeters.register(registry);
    this.api = ApiMeters.register(registry);
  }

  public static IndexerMetrics create() {
    return new IndexerMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public IngestObserver ingest() {
    return ingest;
  }

  public ApiObserver api() {
    return api;
  }

  /** Adds the state gauges, read from {@code status} at each scrape. */
  public void watch(Supplier<IngestStatus> status) {
    StatusMeters.register(registry, status);
  }

  public MetricsVerticle server(MetricsConfig config) {
    return new MetricsVerticle(config, registry);
  }

  /** The text a scrape returns now. */
  public String scrape() {
    return registry.scrape();
  }
}
