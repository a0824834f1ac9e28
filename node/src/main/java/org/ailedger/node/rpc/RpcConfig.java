package org.ailedger.node.rpc;

import java.time.Duration;
import java.util.List;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Settings of the JSON-RPC server. Every bound a client can push against has a name and a default
 * here.
 *
 * @param host the interface both listeners bind to
 * @param httpPort HTTP port; 0 picks a free port (tests)
 * @param wsPort WebSocket port, separate from HTTP as in the devnet layout; 0 picks a free port
 * @param maxRequestBodyBytes largest HTTP body or WebSocket message accepted. The default is 4 MiB
 *     (4 194 304 bytes), below 5 MB, so a 5 MB request is refused with a precise error
 * @param maxBatchSize most requests in one batch
 * @param corsAllowedOrigins origins browsers may call from ({@code "*"} for any, fine for a
 *     devnet); also checked against the Origin of WebSocket handshakes. Empty allows none
 * @param maxLogBlockRange widest block range one log query may scan
 * @param maxFilters most filters installed at once, all clients together
 * @param filterIdleTimeout a filter not polled for this long is removed
 * @param maxSubscriptionsPerConnection most live subscriptions on one WebSocket
 * @param clientVersion the {@code web3_clientVersion} answer
 * @param callGasCap most gas one {@code eth_call}/{@code eth_estimateGas} may use
 * @param workerPoolSize threads of the named worker pool all backend calls run on
 * @param maxQueuedRequests most HTTP requests and WebSocket messages executing or waiting for a
 *     worker; beyond it requests are refused at once instead of queueing without bound
 * @param suggestedPriorityFee the tip {@code eth_maxPriorityFeePerGas} suggests (this network may
 *     run free of gas fees, so the default is zero)
 * @param warmupRequests read calls the node sends itself over a private loopback listener before
 *     the HTTP port opens, so its first clients meet compiled code; from 10 000 on, more follow
 *     until the JIT compiler has gone quiet (at most 30 s in all); 0 skips the warm-up
 */
public record RpcConfig(
    String host,
    int httpPort,
    int wsPort,
    int maxRequestBodyBytes,
    int maxBatchSize,
    List<String> corsAllowedOrigins,
    long maxLogBlockRange,
    int maxFilters,
    Duration filterIdleTimeout,
    int maxSubscriptionsPerConnection,
    String clientVersion,
    long callGasCap,
    int workerPoolSize,
    int maxQueuedRequests,
    UInt256 suggestedPriorityFee,
    int warmupRequests) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_HTTP_PORT = 8545;
  public static final int DEFAULT_WS_PORT = 8546;
  public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_MAX_BATCH_SIZE = 1024;
  public static final List<String> DEFAULT_CORS_ALLOWED_ORIGINS = List.of("*");
  public static final long DEFAULT_MAX_LOG_BLOCK_RANGE = 5000;
  public static final int DEFAULT_MAX_FILTERS = 1024;
  public static final Duration DEFAULT_FILTER_IDLE_TIMEOUT = Duration.ofMinutes(5);
  public static final int DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION = 128;
  public static final String DEFAULT_CLIENT_VERSION = "ailedger/v0.1.0/java21";

  /** geth's default RPC gas cap. */
  public static final long DEFAULT_CALL_GAS_CAP = 50_000_000L;

  public static final int DEFAULT_WORKER_POOL_SIZE = 8;
  public static final int DEFAULT_MAX_QUEUED_REQUESTS = 1024;
  public static final UInt256 DEFAULT_SUGGESTED_PRIORITY_FEE = UInt256.ZERO;

  /** Enough for the JIT to compile the read path; see docs/benchmarks.md for what it buys. */
  public static final int DEFAULT_WARMUP_REQUESTS = 30_000;

  public RpcConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is required");
    }
    requirePort(httpPort, "httpPort");
    requirePort(wsPort, "wsPort");
    requirePositive(maxRequestBodyBytes, "maxRequestBodyBytes");
    requirePositive(maxBatchSize, "maxBatchSize");
    if (corsAllowedOrigins == null) {
      throw new IllegalArgumentException("corsAllowedOrigins is required (empty allows none)");
    }
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    requirePositive(maxLogBlockRange, "maxLogBlockRange");
    requirePositive(maxFilters, "maxFilters");
    if (filterIdleTimeout == null || filterIdleTimeout.isNegative() || filterIdleTimeout.isZero()) {
      throw new IllegalArgumentException("filterIdleTimeout must be positive");
    }
    requirePositive(maxSubscriptionsPerConnection, "maxSubscriptionsPerConnection");
    if (clientVersion == null || clientVersion.isBlank()) {
      throw new IllegalArgumentException("clientVersion is required");
    }
    requirePositive(callGasCap, "callGasCap");
    requirePositive(workerPoolSize, "workerPoolSize");
    requirePositive(maxQueuedRequests, "maxQueuedRequests");
    if (suggestedPriorityFee == null) {
      throw new IllegalArgumentException("suggestedPriorityFee is required");
    }
    if (warmupRequests < 0) {
      throw new IllegalArgumentException("warmupRequests must be >= 0, got " + warmupRequests);
    }
  }

  public static RpcConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * This configuration on a free port of the loopback interface: the same request handling as the
   * real listener, reachable only from this host.
   */
  public RpcConfig onPrivateLoopbackPort() {
    return new RpcConfig(
        DEFAULT_HOST,
        0,
        wsPort,
        maxRequestBodyBytes,
        maxBatchSize,
        corsAllowedOrigins,
        maxLogBlockRange,
        maxFilters,
        filterIdleTimeout,
        maxSubscriptionsPerConnection,
        clientVersion,
        callGasCap,
        workerPoolSize,
        maxQueuedRequests,
        suggestedPriorityFee,
        warmupRequests);
  }

  public boolean allowsAnyOrigin() {
    return corsAllowedOrigins.contains("*");
  }

  private static void requirePort(int port, String name) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be in [0, 65535], got " + port);
    }
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** Starts from the defaults; set only what differs. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int httpPort = DEFAULT_HTTP_PORT;
    private int wsPort = DEFAULT_WS_PORT;
    private int maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;
    private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
    private List<String> corsAllowedOrigins = DEFAULT_CORS_ALLOWED_ORIGINS;
    private long maxLogBlockRange = DEFAULT_MAX_LOG_BLOCK_RANGE;
    private int maxFilters = DEFAULT_MAX_FILTERS;
    private Duration filterIdleTimeout = DEFAULT_FILTER_IDLE_TIMEOUT;
    private int maxSubscriptionsPerConnection = DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION;
    private String clientVersion = DEFAULT_CLIENT_VERSION;
    private long callGasCap = DEFAULT_CALL_GAS_CAP;
    private int workerPoolSize = DEFAULT_WORKER_POOL_SIZE;
    private int maxQueuedRequests = DEFAULT_MAX_QUEUED_REQUESTS;
    private int warmupRequests = DEFAULT_WARMUP_REQUESTS;
    private UInt256 suggestedPriorityFee = DEFAULT_SUGGESTED_PRIORITY_FEE;

    private Builder() {}

    public Builder host(String value) {
      host = value;
      return this;
    }

    public Builder httpPort(int value) {
      httpPort = value;
      return this;
    }

    public Builder wsPort(int value) {
      wsPort = value;
      return this;
    }

    public Builder maxRequestBodyBytes(int value) {
      maxRequestBodyBytes = value;
      return this;
    }

    public Builder maxBatchSize(int value) {
      maxBatchSize = value;
      return this;
    }

    public Builder corsAllowedOrigins(List<String> value) {
      corsAllowedOrigins = value;
      return this;
    }

    public Builder maxLogBlockRange(long value) {
      maxLogBlockRange = value;
      return this;
    }

    public Builder maxFilters(int value) {
      maxFilters = value;
      return this;
    }

    public Builder filterIdleTimeout(Duration value) {
      filterIdleTimeout = value;
      return this;
    }

    public Builder maxSubscriptionsPerConnection(int value) {
      maxSubscriptionsPerConnection = value;
      return this;
    }

    public Builder clientVersion(String value) {
      clientVersion = value;
      return this;
    }

    public Builder callGasCap(long value) {
      callGasCap = value;
      return this;
    }

    public Builder workerPoolSize(int value) {
      workerPoolSize = value;
      return this;
    }

    public Builder maxQueuedRequests(int value) {
      maxQueuedRequests = value;
      return this;
    }

    public Builder suggestedPriorityFee(UInt256 value) {
      suggestedPriorityFee = value;
      return this;
    }

    public Builder warmupRequests(int value) {
      warmupRequests = value;
      return this;
    }

    public RpcConfig build() {
      return new RpcConfig(
          host,
          httpPort,
          wsPort,
          maxRequestBodyBytes,
          maxBatchSize,
          corsAllowedOrigins,
          maxLogBlockRange,
          maxFilters,
          filterIdleTimeout,
          maxSubscriptionsPerConnection,
          clientVersion,
          callGasCap,
          workerPoolSize,
          maxQueuedRequests,
          suggestedPriorityFee,
          warmupRequests);
    }
  }
}
