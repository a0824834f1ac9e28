package org.ailedger.node.rpc;

import java.util.List;

/** What the p2p layer tells JSON-RPC about its peers. Implementations are thread-safe. */
public interface PeerSource {
  /** Whether the node accepts p2p connections. */
  boolean listening();

  List<PeerInfo> peers();

  /** The source for a node without a p2p layer: not listening, no peers. */
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
    };
  }
}
