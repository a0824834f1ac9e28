package org.ailedger.node.p2p.peers;

import java.util.List;

/**
 * How a node meets its peers on a permissioned network: where it listens, the address it gives
 * others, and the static peers it keeps dialling. There is no discovery.
 *
 * @param enabled whether the node speaks p2p at all (a lone validator or an isolated replica may
 *     not)
 * @param listenInterface the interface to accept connections on
 * @param advertisedHost the host other nodes reach this one at, as its enode URL says
 * @param port the TCP port to listen on (0 picks a free one, for tests)
 * @param staticNodes peers to dial and redial with back-off for as long as the node runs
 * @param maxPeers connections beyond this are refused
 */
public record PeersConfig(
    boolean enabled,
    String listenInterface,
    String advertisedHost,
    int port,
    List<EnodeUrl> staticNodes,
    int maxPeers) {
  public static final int DEFAULT_PORT = 30303;
  public static final String DEFAULT_LISTEN_INTERFACE = "0.0.0.0";
  public static final String DEFAULT_ADVERTISED_HOST = "127.0.0.1";
  public static final int DEFAULT_MAX_PEERS = 25;

  public PeersConfig {
    if (listenInterface == null || advertisedHost == null || staticNodes == null) {
      throw new IllegalArgumentException("peer config fields must not be null");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("p2p port must be 0..65535, got " + port);
    }
    if (maxPeers < 1) {
      throw new IllegalArgumentException("max peers must be at least 1, got " + maxPeers);
    }
    staticNodes = List.copyOf(staticNodes);
  }

  /** A node that neither listens nor dials. */
  public static PeersConfig disabled() {
    return new PeersConfig(
        false,
        DEFAULT_LISTEN_INTERFACE,
        DEFAULT_ADVERTISED_HOST,
        DEFAULT_PORT,
        List.of(),
        DEFAULT_MAX_PEERS);
  }

  /** Listens on {@code host}:{@code port} (0 = any free port) and dials {@code staticNodes}. */
  public static PeersConfig on(String host, int port, List<EnodeUrl> staticNodes) {
    return new PeersConfig(true, host, host, port, staticNodes, DEFAULT_MAX_PEERS);
  }
}
