package org.ailedger.node.p2p.eth;

/**
 * What the RLPx transport tells the eth protocol: a session starting once Hello agreed on eth/68, a
 * message decoded with {@link EthMessageCodec} (on {@link EthDecodeResult.Malformed} the transport
 * disconnects with its violation instead), and the session's end for whatever reason. Calls for one
 * peer arrive in order; implementations return quickly and never throw on a peer's data.
 */
public interface EthMessages {
  void peerConnected(EthPeer peer);

  void messageReceived(EthPeer peer, EthMessage message);

  void peerDisconnected(EthPeer peer);
}
