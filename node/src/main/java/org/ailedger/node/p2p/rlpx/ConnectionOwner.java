package org.ailedger.node.p2p.rlpx;

import java.util.Optional;
import org.ailedger.node.p2p.wire.CapabilityMultiplexer;
import org.apache.tuweni.bytes.Bytes;

/** The transport's side of a connection's life: admission, registration, notification. */
interface ConnectionOwner {
  /** Right after the handshake: a reason to refuse the authenticated node id, or empty. */
  Optional<LocalReason> admitAfterHandshake(RlpxConnection connection);

  /** After the peer's Hello: a reason to refuse the connection (duplicate, full), or empty. */
  Optional<LocalReason> admitAfterHello(RlpxConnection connection);

  void established(RlpxConnection connection);

  void messageReceived(
      RlpxConnection connection, CapabilityMultiplexer.Routed routed, Bytes payload);

  void closed(RlpxConnection connection, boolean wasEstablished, DisconnectCause cause);
}
