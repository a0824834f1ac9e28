package org.ailedger.indexer.api;

import java.time.Duration;

/**
 * Where and how the REST API listens.
 *
 * @param host the interface to bind
 * @param port the TCP port; 0 picks a free one (tests)
 * @param minBlockWait how long a request with {@code minBlock} waits for that block to be indexed
 *     before it is answered with a 503 problem
 */
public record ApiConfig(String host, int port, Duration minBlockWait) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_MIN_BLOCK_WAIT = Duration.ofSeconds(5);

  /** No client may hold a request open longer than this waiting for a block. */
  public static final Duration MAX_MIN_BLOCK_WAIT = Duration.ofSeconds(60);

  public ApiConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the API needs a host to bind");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port outside 0..65535: " + port);
    }
    if (minBlockWait == null
        || minBlockWait.isNegative()
        || minBlockWait.compareTo(MAX_MIN_BLOCK_WAIT) > 0) {
      throw new IllegalArgumentException(
          "minBlockWait outside 0.." + MAX_MIN_BLOCK_WAIT + ": " + minBlockWait);
    }
  }

  public static ApiConfig of(String host, int port) {
    return new ApiConfig(host, port, DEFAULT_MIN_BLOCK_WAIT);
  }
}
