package org.ailedger.indexer.metrics;

/**
 * Whether and where the indexer serves its Prometheus metrics.
 *
 * @param enabled off by default: an indexer exposes nothing it was not asked to
 * @param host the interface to bind
 * @param port the TCP port; 0 picks a free one (tests)
 */
public record MetricsConfig(boolean enabled, String host, int port) {
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The devnet's validators use 9545 + 10·i; the indexer's metrics sit 100 above validator 0. */
  public static final int DEFAULT_PORT = 9645;

  public MetricsConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the metrics server needs a host to bind");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("metrics port outside 0..65535: " + port);
    }
  }

  public static MetricsConfig disabled() {
    return new MetricsConfig(false, DEFAULT_HOST, DEFAULT_PORT);
  }

  public static MetricsConfig on(String host, int port) {
    return new MetricsConfig(true, host, port);
  }
}
