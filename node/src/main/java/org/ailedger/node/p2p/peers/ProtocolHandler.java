package org.ailedger.node.p2p.peers;

import org.ailedger.node.p2p.rlpx.PeerConnection;
import org.apache.tuweni.bytes.Bytes;

/**
 * What a subprotocol (eth, istanbul) does with the peers that share it. Called on the transport's
 * event loop: decode, validate cheaply, hand the rest to your own bounded queue, never block.
 */
public interface ProtocolHandler {
  default void onConnected(PeerConnection peer) {}

  /** A message of this subprotocol; {@code code} is relative to the capability. */
  void onMessage(PeerConnection peer, int code, Bytes payload);

  default void onDisconnected(PeerConnection peer) {}
}
