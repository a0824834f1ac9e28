package org.ailedger.node.p2p.eth;

/**
 * What the RLPx transport tells the eth protocol: a session starting once Hello agreed on eth/68, a
 * message decoded with {@link EthMessageCodec} (on {@link EthDecodeResult.Malformed} the transport
 * disconnects with its violation instead), and the session's end for whatever reason. Every call of
 * one session passes the same {@link EthPeer} object (sessions are told apart by identity), and
 * calls for one peer arrive in order; implementations never throw on a peer's data. They read the
 * chain (RocksDB) to answer requests and check responses, so the transport calls them from its
 * bounded worker pool, not from the event loop.
 */
public interface EthMessages {
  void peerConnected(EthPeer peer);

  void messageReceived(EthPeer peer, EthMessage message);

  void peerDisconnected(EthPeer peer);
}
