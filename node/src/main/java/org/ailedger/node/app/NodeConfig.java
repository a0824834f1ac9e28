package org.ailedger.node.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.p2p.peers.PeersConfig;
import org.ailedger.node.rpc.RpcConfig;

/**
 * Everything a node needs to start, with the defaults of DESIGN §6 for validator 0.
 *
 * @param dataDir where the database and the node's files live
 * @param nodeKeyFile the node's secp256k1 key (hex); a validator seals blocks with it
 * @param syncWrites fsync every block (survives power loss) instead of relying on the WAL alone
 * @param peers where the node listens for peers and which it dials
 * @param rpcWarmupRequests read calls sent through a private loopback listener before the JSON-RPC
 *     port opens (0: none); see {@code RpcConfig#warmupRequests}
 */
public record NodeConfig(
    Path dataDir,
    Path genesisFile,
    Optional<Path> nodeKeyFile,
    String rpcHost,
    int httpPort,
    int wsPort,
    int metricsPort,
    List<String> corsOrigins,
    boolean syncWrites,
    String clientVersion,
    int blockTxsSelectionPercent,
    PeersConfig peers,
    int rpcWarmupRequests) {
  public static final int DEFAULT_HTTP_PORT = 8545;
  public static final int DEFAULT_WS_PORT = 8546;
  public static final int DEFAULT_METRICS_PORT = 9545;
  public static final int DEFAULT_RPC_WARMUP_REQUESTS = RpcConfig.DEFAULT_WARMUP_REQUESTS;

  /**
   * Share of the block period a proposer spends executing transactions, in percent; the rest is
   * left for committing the block and, with peers, for agreeing on it. Besu's PoA default.
   */
  public static final int DEFAULT_BLOCK_TXS_SELECTION_PERCENT = 75;

  public NodeConfig {
    if (dataDir == null
        || genesisFile == null
        || nodeKeyFile == null
        || rpcHost == null
        || corsOrigins == null
        || peers == null) {
      throw new IllegalArgumentException("node config fields must not be null");
    }
    if (blockTxsSelectionPercent < 1 || blockTxsSelectionPercent > 100) {
      throw new IllegalArgumentException(
          "the block transaction selection time is 1 to 100 percent of the block period, not "
              + blockTxsSelectionPercent);
    }
    if (rpcWarmupRequests < 0) {
      throw new IllegalArgumentException(
          "the JSON-RPC warm-up is 0 or more requests, not " + rpcWarmupRequests);
    }
    corsOrigins = List.copyOf(corsOrigins);
  }
}
