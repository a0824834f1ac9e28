package org.ailedger.node.sync;

import java.time.Duration;
import org.ailedger.node.p2p.eth.EthRequestServer;

/**
 * How the synchronizer asks peers for blocks.
 *
 * @param headersPerRequest headers asked per GetBlockHeaders; also the bound on headers held while
 *     their bodies download
 * @param bodiesPerRequest bodies asked per GetBlockBodies; also the bound on assembled blocks
 *     waiting for import
 * @param requestTimeout how long a request may stay unanswered before another peer is tried
 * @param timeoutsBeforeDisconnect consecutive unanswered requests after which a peer is dropped
 */
public record SyncConfig(
    int headersPerRequest,
    int bodiesPerRequest,
    Duration requestTimeout,
    int timeoutsBeforeDisconnect) {

  /** geth's downloader {@code MaxHeaderFetch}; Besu's server answers up to 512. */
  public static final int DEFAULT_HEADERS_PER_REQUEST = 192;

  /** geth's downloader {@code MaxBlockFetch} and Besu's {@code DEFAULT_MAX_GET_BLOCK_BODIES}. */
  public static final int DEFAULT_BODIES_PER_REQUEST = 128;

  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_TIMEOUTS_BEFORE_DISCONNECT = 3;

  public static final SyncConfig DEFAULT =
      new SyncConfig(
          DEFAULT_HEADERS_PER_REQUEST,
          DEFAULT_BODIES_PER_REQUEST,
          DEFAULT_REQUEST_TIMEOUT,
          DEFAULT_TIMEOUTS_BEFORE_DISCONNECT);

  public SyncConfig {
    if (headersPerRequest < 1 || headersPerRequest > EthRequestServer.MAX_HEADERS_SERVED) {
      throw new IllegalArgumentException(
          "headersPerRequest must be 1.." + EthRequestServer.MAX_HEADERS_SERVED);
    }
    if (bodiesPerRequest < 1 || bodiesPerRequest > EthRequestServer.MAX_BODIES_SERVED) {
      throw new IllegalArgumentException(
          "bodiesPerRequest must be 1.." + EthRequestServer.MAX_BODIES_SERVED);
    }
    if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    if (timeoutsBeforeDisconnect < 1) {
      throw new IllegalArgumentException("timeoutsBeforeDisconnect must be at least 1");
    }
  }
}
