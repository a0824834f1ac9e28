package org.ailedger.node.app;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.chain.Registration;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.p2p.peers.PeerNetwork;
import org.ailedger.node.p2p.peers.PeersConfig;
import org.ailedger.node.p2p.peers.ProtocolHandler;
import org.ailedger.node.p2p.rlpx.RlpxConfig;
import org.ailedger.node.p2p.wire.Capability;
import org.ailedger.node.state.WorldStateArchive;

/** Builds and starts the peer network, admitting nodes by the chain's node allowlist. */
final class NetworkWiring {
  private NetworkWiring() {}

  /** A started network and what it holds; closing it stops dialling and frees its thread. */
  record Running(
      PeerNetwork network, ScheduledExecutorService scheduler, Registration allowlistRefresh)
      implements AutoCloseable {
    @Override
    public void close() {
      network.stop();
      allowlistRefresh.close();
      scheduler.shutdownNow();
    }
  }

  static Running start(
      Vertx vertx,
      NodeConfig config,
      KeyPair nodeKey,
      Secp256k1 secp256k1,
      DefaultBlockchain chain,
      WorldStateArchive archive,
      LedgerBindings bindings,
      Map<Capability, ProtocolHandler> handlers,
      Clock clock) {
    PeersConfig peers = config.peers();
    RlpxConfig rlpx =
        RlpxConfig.defaults()
            .withClientId(config.clientVersion())
            .withListen(peers.listenInterface(), peers.port())
            .withMaxPeers(peers.maxPeers());
    ChainNodeAllowlist allowlist =
        new ChainNodeAllowlist(chain, new HeadState(chain, archive, bindings), bindings);
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("p2p-dialler").daemon().factory());
    PeerNetwork network =
        new PeerNetwork(peers, rlpx, nodeKey, secp256k1, allowlist, handlers, scheduler, clock);
    // governance may add or remove nodes in any block; a removed node is dropped at once
    Registration refresh =
        chain.onBlockAdded(
            added -> {
              if (allowlist.refresh()) {
                scheduler.execute(network::enforceAllowlist);
              }
            });
    try {
      LedgerNode.await(network.start(vertx));
    } catch (RuntimeException e) {
      scheduler.shutdownNow();
      throw new IllegalStateException(
          "cannot listen for peers on "
              + peers.listenInterface()
              + ":"
              + peers.port()
              + ": "
              + e.getMessage(),
          e);
    }
    return new Running(network, scheduler, refresh);
  }
}
