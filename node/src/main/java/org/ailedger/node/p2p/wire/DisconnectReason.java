package org.ailedger.node.p2p.wire;

import java.util.Optional;

/** The reasons a devp2p Disconnect message can carry, with their wire codes. */
public enum DisconnectReason {
  REQUESTED(0x00),
  TCP_SUBSYSTEM_ERROR(0x01),
  BREACH_OF_PROTOCOL(0x02),
  USELESS_PEER(0x03),
  TOO_MANY_PEERS(0x04),
  ALREADY_CONNECTED(0x05),
  INCOMPATIBLE_P2P_PROTOCOL_VERSION(0x06),
  NULL_NODE_IDENTITY_RECEIVED(0x07),
  CLIENT_QUITTING(0x08),
  UNEXPECTED_IDENTITY(0x09),
  SAME_IDENTITY(0x0a),
  TIMEOUT(0x0b),
  SUBPROTOCOL_TRIGGERED(0x10);

  private final int code;

  DisconnectReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The reason with this wire code, or empty for a code devp2p does not define. */
  public static Optional<DisconnectReason> fromCode(int code) {
    for (DisconnectReason reason : values()) {
      if (reason.code == code) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }
}
