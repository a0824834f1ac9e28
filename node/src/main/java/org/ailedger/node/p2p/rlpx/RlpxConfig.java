package org.ailedger.node.p2p.rlpx;

import java.time.Duration;
import java.util.List;
import org.ailedger.node.p2p.wire.SubProtocol;

/**
 * How the RLPx transport listens, what it announces and the bounds it holds peers to. Defaults
 * follow Besu where Besu has one (message size, timeouts, keep-alive).
 *
 * @param clientId the Hello's client id
 * @param listenHost interface to bind, e.g. {@code 0.0.0.0}
 * @param listenPort TCP port, 0 for any free one
 * @param subProtocols the capabilities announced in our Hello, with their message spaces
 * @param maxMessageSize largest uncompressed message accepted or sent
 * @param handshakeTimeout from TCP connect until the peer's Hello
 * @param pingInterval read-idle time before a Ping; another idle interval without a byte ends the
 *     connection with TIMEOUT
 * @param maxPeers connections past the Hello exchange
 * @param maxPendingHandshakes connections still in handshake; more inbound ones are closed at once
 * @param outboundQueueBytes payload bytes that may wait for one slow peer's socket
 * @param disconnectGrace how long a Disconnect we send gets to reach the peer before we close
 */
public record RlpxConfig(
    String clientId,
    String listenHost,
    int listenPort,
    List<SubProtocol> subProtocols,
    int maxMessageSize,
    Duration handshakeTimeout,
    Duration pingInterval,
    int maxPeers,
    int maxPendingHandshakes,
    int outboundQueueBytes,
    Duration disconnectGrace) {
  public static final String DEFAULT_CLIENT_ID = "ailedger/v0.1.0/java";
  public static final String DEFAULT_LISTEN_HOST = "0.0.0.0";
  public static final int DEFAULT_LISTEN_PORT = 30303;
  public static final List<SubProtocol> DEFAULT_SUB_PROTOCOLS =
      List.of(SubProtocol.ETH_68, SubProtocol.ISTANBUL_100);
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 10 * 1024 * 1024;
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(15);
  public static final int DEFAULT_MAX_PEERS = 25;
  public static final int DEFAULT_MAX_PENDING_HANDSHAKES = 32;
  public static final int DEFAULT_OUTBOUND_QUEUE_BYTES = 32 * 1024 * 1024;
  public static final Duration DEFAULT_DISCONNECT_GRACE = Duration.ofSeconds(2);

  public RlpxConfig {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("a client id is required");
    }
    if (listenHost == null || listenHost.isBlank()) {
      throw new IllegalArgumentException("a listen host is required");
    }
    if (listenPort < 0 || listenPort > 0xFFFF) {
      throw new IllegalArgumentException("listen port out of range: " + listenPort);
    }
    if (subProtocols == null || subProtocols.isEmpty()) {
      throw new IllegalArgumentException("announce at least one subprotocol");
    }
    subProtocols = List.copyOf(subProtocols);
    if (maxMessageSize < 1) {
      throw new IllegalArgumentException("max message size must be positive");
    }
    requirePositive(handshakeTimeout, "handshake timeout");
    requirePositive(pingInterval, "ping interval");
    requirePositive(disconnectGrace, "disconnect grace");
    if (maxPeers < 1 || maxPendingHandshakes < 1 || outboundQueueBytes < maxMessageSize) {
      throw new IllegalArgumentException(
          "peer bounds must be positive and the outbound queue must hold one largest message");
    }
  }

  public static RlpxConfig defaults() {
    return new RlpxConfig(
        DEFAULT_CLIENT_ID,
        DEFAULT_LISTEN_HOST,
        DEFAULT_LISTEN_PORT,
        DEFAULT_SUB_PROTOCOLS,
        DEFAULT_MAX_MESSAGE_SIZE,
        DEFAULT_HANDSHAKE_TIMEOUT,
        DEFAULT_PING_INTERVAL,
        DEFAULT_MAX_PEERS,
        DEFAULT_MAX_PENDING_HANDSHAKES,
        DEFAULT_OUTBOUND_QUEUE_BYTES,
        DEFAULT_DISCONNECT_GRACE);
  }

  public RlpxConfig withClientId(String id) {
    return new RlpxConfig(
        id,
        listenHost,
        listenPort,
        subProtocols,
        maxMessageSize,
        handshakeTimeout,
        pingInterval,
        maxPeers,
        maxPendingHandshakes,
        outboundQueueBytes,
        disconnectGrace);
  }

  public RlpxConfig withListen(String host, int port) {
    return new RlpxConfig(
        clientId,
        host,
        port,
        subProtocols,
        maxMessageSize,
        handshakeTimeout,
        pingInterval,
        maxPeers,
        maxPendingHandshakes,
        outboundQueueBytes,
        disconnectGrace);
  }

  public RlpxConfig withSubProtocols(List<SubProtocol> protocols) {
    return new RlpxConfig(
        clientId,
        listenHost,
        listenPort,
        protocols,
        maxMessageSize,
        handshakeTimeout,
        pingInterval,
        maxPeers,
        maxPendingHandshakes,
        outboundQueueBytes,
        disconnectGrace);
  }

  /** Timeouts and keep-alive together, which is what tests shorten. */
  public RlpxConfig withTimings(Duration handshake, Duration ping, Duration grace) {
    return new RlpxConfig(
        clientId,
        listenHost,
        listenPort,
        subProtocols,
        maxMessageSize,
        handshake,
        ping,
        maxPeers,
        maxPendingHandshakes,
        outboundQueueBytes,
        grace);
  }

  public RlpxConfig withMaxMessageSize(int bytes) {
    return new RlpxConfig(
        clientId,
        listenHost,
        listenPort,
        subProtocols,
        bytes,
        handshakeTimeout,
        pingInterval,
        maxPeers,
        maxPendingHandshakes,
        Math.max(outboundQueueBytes, bytes),
        disconnectGrace);
  }

  public RlpxConfig withMaxPeers(int peers) {
    return new RlpxConfig(
        clientId,
        listenHost,
        listenPort,
        subProtocols,
        maxMessageSize,
        handshakeTimeout,
        pingInterval,
        peers,
        maxPendingHandshakes,
        outboundQueueBytes,
        disconnectGrace);
  }

  private static void requirePositive(Duration duration, String what) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
  }
}
