package org.ailedger.indexer.api;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how the REST API listens.
 *
 * @param host the interface to bind
 * @param port the TCP port; 0 picks a free one (tests)
 * @param minBlockWait how long a request with {@code minBlock} waits for that block to be indexed
 *     before it is answered with a 503 problem
 * @param publicRpcUrl the JSON-RPC URL wallets should add for the chain, published in {@code
 *     /v1/network}; never the indexer's own {@code --rpc}, which may carry keys or be internal
 */
public record ApiConfig(String host, int port, Duration minBlockWait, Optional<URI> publicRpcUrl) {
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
    if (publicRpcUrl == null) {
      throw new IllegalArgumentException("publicRpcUrl must be a URL or empty, not null");
    }
    publicRpcUrl.ifPresent(ApiConfig::requireWalletUrl);
  }

  /** Publishes no JSON-RPC URL for wallets. */
  public ApiConfig(String host, int port, Duration minBlockWait) {
    this(host, port, minBlockWait, Optional.empty());
  }

  /** This configuration publishing {@code url} (or none) as the chain's JSON-RPC for wallets. */
  public ApiConfig withPublicRpcUrl(Optional<URI> url) {
    return new ApiConfig(host, port, minBlockWait, url);
  }

  // a wallet stores the URL and calls it from the user's machine: only an absolute http(s) URL
  // with a host works there
  private static void requireWalletUrl(URI url) {
    boolean web = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
    if (!web || url.getHost() == null || url.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "the public JSON-RPC URL must be an absolute http(s) URL with a host, not " + url);
    }
  }

  public static ApiConfig of(String host, int port) {
    return new ApiConfig(host, port, DEFAULT_MIN_BLOCK_WAIT);
  }
}
