package org.ailedger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.peers.PeersConfig;
import org.ailedger.node.p2p.peers.StaticNodesFile;
import picocli.CommandLine.Option;

/** How a node meets its peers, with Besu's option names. */
final class P2pOptions {
  @Option(
      names = "--p2p-enabled",
      defaultValue = "true",
      arity = "1",
      paramLabel = "BOOLEAN",
      description = "Speak devp2p with other nodes (default: ${DEFAULT-VALUE}).")
  boolean enabled;

  @Option(
      names = "--p2p-interface",
      defaultValue = PeersConfig.DEFAULT_LISTEN_INTERFACE,
      description = "Interface to accept peer connections on (default: ${DEFAULT-VALUE}).")
  String listenInterface;

  @Option(
      names = "--p2p-host",
      defaultValue = PeersConfig.DEFAULT_ADVERTISED_HOST,
      description =
          "Host other nodes reach this one at, in its enode URL (default: ${DEFAULT-VALUE}).")
  String advertisedHost;

  @Option(
      names = "--p2p-port",
      defaultValue = "" + PeersConfig.DEFAULT_PORT,
      description = "TCP port for peers (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--static-nodes-file",
      paramLabel = "FILE",
      description =
          "JSON array of enode URLs to stay connected to (default: static-nodes.json in the data"
              + " directory, if present).")
  Path staticNodesFile;

  @Option(
      names = "--max-peers",
      defaultValue = "" + PeersConfig.DEFAULT_MAX_PEERS,
      description = "Most peer connections at once (default: ${DEFAULT-VALUE}).")
  int maxPeers;

  PeersConfig config(Path dataDir) {
    if (!enabled) {
      return PeersConfig.disabled();
    }
    Path file = staticNodesFile;
    List<EnodeUrl> staticNodes = List.of();
    if (file == null && Files.exists(dataDir.resolve(StaticNodesFile.DEFAULT_NAME))) {
      file = dataDir.resolve(StaticNodesFile.DEFAULT_NAME);
    }
    if (file != null) {
      staticNodes = StaticNodesFile.read(file);
    }
    return new PeersConfig(true, listenInterface, advertisedHost, port, staticNodes, maxPeers);
  }
}
