package org.ailedger.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ailedger.node.app.LedgerNode;
import org.ailedger.node.app.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a validator node until interrupted.",
      "Options may also come from a file: ailedger node @path/to/node.args"
    })
final class NodeCommand implements Callable<Integer> {
  @Option(names = "--data-dir", required = true, description = "Directory for the database.")
  Path dataDir;

  @Option(names = "--genesis-file", required = true, description = "Besu-style genesis.json.")
  Path genesisFile;

  @Option(
      names = "--node-key-file",
      description = "Hex secp256k1 key of this node; validators seal blocks with it.")
  Path nodeKeyFile;

  @Option(
      names = "--rpc-host",
      defaultValue = "127.0.0.1",
      description = "Interface for JSON-RPC and metrics (default: ${DEFAULT-VALUE}).")
  String rpcHost;

  @Mixin PortOptions ports;

  @Mixin P2pOptions p2p;

  @Option(
      names = "--rpc-cors-origins",
      split = ",",
      defaultValue = "*",
      description =
          "Origins browsers may call JSON-RPC from, comma separated (default: ${DEFAULT-VALUE}).")
  List<String> corsOrigins;

  @Option(
      names = "--rpc-warmup-requests",
      paramLabel = "N",
      defaultValue = "" + NodeConfig.DEFAULT_RPC_WARMUP_REQUESTS,
      description =
          "Read calls the node sends itself over a private loopback listener before its JSON-RPC"
              + " port opens, so the first clients meet compiled code; from 10000 on, more follow"
              + " until the JIT compiler has gone quiet, within 30 s; 0 skips it (default:"
              + " ${DEFAULT-VALUE}).")
  int rpcWarmupRequests;

  @Option(
      names = "--sync-writes",
      description = "fsync every block: survives power loss, at some throughput cost.")
  boolean syncWrites;

  @Option(
      names = "--poa-block-txs-selection-max-time",
      paramLabel = "PERCENT",
      defaultValue = "" + NodeConfig.DEFAULT_BLOCK_TXS_SELECTION_PERCENT,
      description =
          "Percent of the block period a validator may spend executing transactions for a block;"
              + " the rest wait for the next (1-100, default: ${DEFAULT-VALUE}).")
  int txsSelectionPercent;

  @Option(
      names = "--exit-with-parent",
      hidden = true,
      paramLabel = "PID",
      description =
          "Stop cleanly when process PID ends: `ailedger devnet` passes its own, so a devnet that"
              + " is killed outright leaves no validator behind.")
  Long parentPid;

  @Override
  public Integer call() {
    NodeConfig config =
        new NodeConfig(
            dataDir,
            genesisFile,
            Optional.ofNullable(nodeKeyFile),
            rpcHost,
            ports.httpPort,
            ports.wsPort,
            ports.metricsPort,
            corsOrigins,
            syncWrites,
            VersionProvider.clientVersion(),
            txsSelectionPercent,
            p2p.config(dataDir),
            rpcWarmupRequests);
    NodeRun.untilInterrupted(
        new LedgerNode(config, Clock.systemUTC()),
        node -> {
          System.out.printf(
              "JSON-RPC  http://%s:%d  ws://%s:%d%n",
              rpcHost, node.httpPort(), rpcHost, node.wsPort());
          System.out.printf("metrics   http://%s:%d/metrics%n", rpcHost, node.metricsPort());
          node.enode().ifPresent(enode -> System.out.printf("p2p       %s%n", enode));
          if (parentPid != null) {
            ParentWatch.exitWhenGone(parentPid);
          }
        });
    return 0;
  }
}
