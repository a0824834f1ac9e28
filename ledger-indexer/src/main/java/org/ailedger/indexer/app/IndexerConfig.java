package org.ailedger.indexer.app;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.ailedger.indexer.api.ApiConfig;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.metrics.MetricsConfig;
import org.ailedger.indexer.store.StoreConfig;
import org.ailedger.indexer.stream.StreamConfig;

/**
 * Everything one indexer needs: the node to follow, the store, the REST API and the ingester's
 * pace.
 *
 * @param rpc the node's JSON-RPC over HTTP
 * @param rpcTimeout how long one JSON-RPC request may take
 * @param metrics whether and where Prometheus metrics are served
 * @param ws the node's JSON-RPC over WebSocket, if any: its {@code newHeads} wake ingestion up
 * @param stream the event stream's bounds and the outbox's retention
 */
public record IndexerConfig(
    URI rpc,
    Duration rpcTimeout,
    StoreConfig store,
    ApiConfig api,
    IngestConfig ingest,
    MetricsConfig metrics,
    Optional<URI> ws,
    StreamConfig stream) {
  public static final Duration DEFAULT_RPC_TIMEOUT = Duration.ofSeconds(30);

  public IndexerConfig {
    if (rpc == null || !("http".equals(rpc.getScheme()) || "https".equals(rpc.getScheme()))) {
      throw new IllegalArgumentException("the node's JSON-RPC must be an http(s) URL: " + rpc);
    }
    if (rpcTimeout == null || rpcTimeout.isNegative() || rpcTimeout.isZero()) {
      throw new IllegalArgumentException("rpcTimeout must be positive: " + rpcTimeout);
    }
    if (store == null || api == null || ingest == null || metrics == null) {
      throw new IllegalArgumentException(
          "an indexer needs store, API, ingest and metrics settings");
    }
    if (ws == null || stream == null) {
      throw new IllegalArgumentException(
          "an indexer needs WebSocket (or none) and stream settings");
    }
    ws.ifPresent(
        url -> {
          if (!("ws".equals(url.getScheme()) || "wss".equals(url.getScheme()))) {
            throw new IllegalArgumentException("the node's WebSocket must be a ws(s) URL: " + url);
          }
        });
  }

  /** An indexer without metrics that polls, with the stream's default bounds. */
  public IndexerConfig(
      URI rpc, Duration rpcTimeout, StoreConfig store, ApiConfig api, IngestConfig ingest) {
    this(
        rpc,
        rpcTimeout,
        store,
        api,
        ingest,
        MetricsConfig.disabled(),
        Optional.empty(),
        StreamConfig.defaults());
  }
}
