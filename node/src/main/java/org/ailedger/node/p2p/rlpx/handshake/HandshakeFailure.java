package org.ailedger.node.p2p.rlpx.handshake;

/** Why a handshake packet from a peer was refused. */
public enum HandshakeFailure {
  /** The size prefix announces more than a handshake packet may have. */
  OVERSIZED_PACKET,
  /** ECIES decryption failed: not for our key, or altered on the way. */
  UNDECRYPTABLE,
  /** Decrypted, but not an auth or ack body. */
  MALFORMED,
  /** A key in the message is not a point of the curve. */
  INVALID_KEY,
  /** The auth signature recovers no key, or not the one a pre-EIP-8 auth names. */
  BAD_SIGNATURE
}
