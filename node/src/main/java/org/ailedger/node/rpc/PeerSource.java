package org.ailedger.node.rpc;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.sync.SyncProgress;

/**
 * What the p2p layer tells JSON-RPC about its peers and the sync from them. Implementations are
 * thread-safe.
 */
public interface PeerSource {
  /** Whether the node accepts p2p connections. */
  boolean listening();

  List<PeerInfo> peers();

  /** This node as peers see it; empty when the node speaks no p2p. */
  Optional<NodeInfo> nodeInfo();

  /** What became of a request to keep a peer connected, or to let it go. */
  enum PeerChange {
    /** The peer is now kept connected (or let go), and dialled (or disconnected). */
    DONE,
    /** Nothing changed: it already was (or was not) a kept peer. */
    UNCHANGED,
    NOT_PERMITTED,
    LOCAL_NODE,
    P2P_DISABLED
  }

  /** Keeps {@code peer} connected: dials it now and redials it with back-off when it drops. */
  PeerChange addPeer(EnodeUrl peer);

  /** Stops keeping {@code peer} connected and disconnects it. */
  PeerChange removePeer(EnodeUrl peer);

  /** How far a catch-up from peers has come; empty when the node is not behind any peer. */
  default Optional<SyncProgress> syncing() {
    return Optional.empty();
  }

  /** The source for a node without a p2p layer: not listening, no peers, nothing to change. */
  static PeerSource none() {
    return new PeerSource() {
      @Override
      public boolean listening() {
        return false;
      }

      @Override
      public List<PeerInfo> peers() {
        return List.of();
      }

      @Override
      public Optional<NodeInfo> nodeInfo() {
        return Optional.empty();
      }

      @Override
      public PeerChange addPeer(EnodeUrl peer) {
        return PeerChange.P2P_DISABLED;
      }

      @Override
      public PeerChange removePeer(EnodeUrl peer) {
        return PeerChange.P2P_DISABLED;
      }
    };
  }
}
