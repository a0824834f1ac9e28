package org.ailedger.node.p2p.rlpx;

import java.net.InetSocketAddress;
import java.util.List;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.p2p.wire.Capability;
import org.ailedger.node.p2p.wire.DisconnectReason;
import org.ailedger.node.p2p.wire.HelloMessage;
import org.ailedger.node.p2p.wire.SharedCapability;
import org.apache.tuweni.bytes.Bytes;

/**
 * An RLPx connection past the Hello exchange. {@link #send} and {@link #disconnect} may be called
 * from any thread.
 */
public interface PeerConnection {
  /** The peer's node key, authenticated by the handshake. */
  PublicKey nodeId();

  HelloMessage remoteHello();

  /** The capabilities both sides speak, in code order. */
  List<SharedCapability> sharedCapabilities();

  InetSocketAddress remoteAddress();

  /** True when the peer dialled us. */
  boolean inbound();

  /**
   * Queues a message of a shared capability; {@code code} is relative to the capability.
   *
   * @throws IllegalArgumentException when the code is outside the capability's message space
   */
  SendResult send(Capability capability, int code, Bytes payload);

  /** Sends Disconnect with {@code reason} and closes; the listener hears of it. */
  void disconnect(DisconnectReason reason);

  boolean isConnected();
}
