package org.ailedger.node.p2p.rlpx;

import java.net.InetSocketAddress;
import org.ailedger.node.p2p.wire.Capability;
import org.apache.tuweni.bytes.Bytes;

/**
 * The owner's view of the transport. Callbacks run on the transport's event loop, one at a time:
 * hand work off to your own queue, never block.
 */
public interface PeerListener {
  /** Handshake and Hello exchange are done and the peer was admitted. */
  void onConnected(PeerConnection peer);

  /** A subprotocol message; {@code code} is relative to {@code capability}. */
  void onMessage(PeerConnection peer, Capability capability, int code, Bytes payload);

  /** A connection {@link #onConnected} announced has ended. */
  void onDisconnected(PeerConnection peer, DisconnectCause cause);

  /** A connection ended before it was established (handshake, Hello or admission). */
  default void onConnectFailed(InetSocketAddress remote, boolean inbound, DisconnectCause cause) {}
}
