package org.ailedger.node.p2p.rlpx;

import org.ailedger.node.p2p.rlpx.framing.FrameFailure;
import org.ailedger.node.p2p.rlpx.framing.MessageFailure;
import org.ailedger.node.p2p.wire.DisconnectReason;

/** Why this node ended a connection, with the devp2p reason it tells the peer. */
public enum LocalReason {
  /** The owner called {@code disconnect}; the reason sent is the owner's. */
  REQUESTED(DisconnectReason.REQUESTED),
  SHUTDOWN(DisconnectReason.CLIENT_QUITTING),
  HANDSHAKE_TIMEOUT(DisconnectReason.TIMEOUT),
  PING_TIMEOUT(DisconnectReason.TIMEOUT),
  /** The owner's admission hook refused the peer's node id (node permissioning). */
  NOT_ADMITTED(DisconnectReason.USELESS_PEER),
  TOO_MANY_PEERS(DisconnectReason.TOO_MANY_PEERS),
  ALREADY_CONNECTED(DisconnectReason.ALREADY_CONNECTED),
  SAME_IDENTITY(DisconnectReason.SAME_IDENTITY),
  /** The Hello names another node than the handshake authenticated. */
  UNEXPECTED_IDENTITY(DisconnectReason.UNEXPECTED_IDENTITY),
  NO_SHARED_CAPABILITY(DisconnectReason.USELESS_PEER),
  /** The auth or ack was refused; no keys exist, so nothing is sent. */
  BAD_HANDSHAKE(DisconnectReason.BREACH_OF_PROTOCOL),
  BAD_MAC(DisconnectReason.BREACH_OF_PROTOCOL),
  OVERSIZED_FRAME(DisconnectReason.BREACH_OF_PROTOCOL),
  OVERSIZED_MESSAGE(DisconnectReason.BREACH_OF_PROTOCOL),
  BAD_SNAPPY(DisconnectReason.BREACH_OF_PROTOCOL),
  MALFORMED_MESSAGE(DisconnectReason.BREACH_OF_PROTOCOL),
  MESSAGE_BEFORE_HELLO(DisconnectReason.BREACH_OF_PROTOCOL),
  DUPLICATE_HELLO(DisconnectReason.BREACH_OF_PROTOCOL),
  UNKNOWN_MESSAGE_CODE(DisconnectReason.BREACH_OF_PROTOCOL);

  private final DisconnectReason wireReason;

  LocalReason(DisconnectReason wireReason) {
    this.wireReason = wireReason;
  }

  public DisconnectReason wireReason() {
    return wireReason;
  }

  static LocalReason of(FrameFailure failure) {
    return switch (failure) {
      case BAD_HEADER_MAC, BAD_FRAME_MAC -> BAD_MAC;
      case OVERSIZED_FRAME -> OVERSIZED_FRAME;
    };
  }

  static LocalReason of(MessageFailure failure) {
    return switch (failure) {
      case MALFORMED_CODE -> MALFORMED_MESSAGE;
      case BAD_SNAPPY -> BAD_SNAPPY;
      case OVERSIZED_MESSAGE -> OVERSIZED_MESSAGE;
    };
  }
}
