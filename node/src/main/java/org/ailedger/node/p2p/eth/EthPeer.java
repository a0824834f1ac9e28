package org.ailedger.node.p2p.eth;

import org.apache.tuweni.bytes.Bytes;

/**
 * One connected peer's eth session, as the RLPx transport offers it. Implementations encode with
 * {@link EthMessageCodec} and add the connection's eth code offset. Both methods are called from
 * sync and import threads and must not block: they queue the write and return.
 */
public interface EthPeer {
  /** The peer's 64-byte secp256k1 public key, as in its enode URL. */
  Bytes nodeId();

  void send(EthMessage message);

  /**
   * Sends {@code message} whose encoding by {@link EthMessageCodec} the caller already holds, so a
   * block announced to every peer is encoded once, not once per peer.
   */
  default void send(EthMessage message, Bytes encoded) {
    send(message);
  }

  /** Sends Disconnect with {@code reason}'s devp2p code and closes the connection. */
  void disconnect(EthProtocolViolation reason);
}
