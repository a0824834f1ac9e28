package org.ailedger.node.p2p.rlpx.handshake;

import org.ailedger.node.crypto.PublicKey;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What a completed handshake hands to framing: the peer's authenticated node id, the frame cipher
 * key, the MAC key, and the bytes each direction's keccak MAC state starts from. Never logged: its
 * {@link #toString()} names the peer only.
 */
public record HandshakeSecrets(
    PublicKey remoteNodeId,
    Bytes32 aesSecret,
    Bytes32 macSecret,
    Bytes egressMacSeed,
    Bytes ingressMacSeed) {
  public HandshakeSecrets {
    if (remoteNodeId == null
        || aesSecret == null
        || macSecret == null
        || egressMacSeed == null
        || ingressMacSeed == null) {
      throw new IllegalArgumentException("handshake secrets are incomplete");
    }
  }

  /**
   * The RLPx key schedule. {@code auth} and {@code ack} are the packets exactly as they crossed the
   * wire, including an EIP-8 size prefix.
   */
  static HandshakeSecrets derive(
      boolean initiator,
      PublicKey remoteNodeId,
      Bytes32 ephemeralShared,
      Bytes32 initiatorNonce,
      Bytes32 recipientNonce,
      Bytes auth,
      Bytes ack) {
    Bytes32 sharedSecret =
        Keccak.hash(
            ephemeralShared, Keccak.hash(Bytes.concatenate(recipientNonce, initiatorNonce)));
    Bytes32 aesSecret = Keccak.hash(ephemeralShared, sharedSecret);
    Bytes32 macSecret = Keccak.hash(ephemeralShared, aesSecret);
    Bytes forAuth = Bytes.concatenate(macSecret.xor(recipientNonce), auth);
    Bytes forAck = Bytes.concatenate(macSecret.xor(initiatorNonce), ack);
    return initiator
        ? new HandshakeSecrets(remoteNodeId, aesSecret, macSecret, forAuth, forAck)
        : new HandshakeSecrets(remoteNodeId, aesSecret, macSecret, forAck, forAuth);
  }

  @Override
  public String toString() {
    return "HandshakeSecrets{peer " + remoteNodeId + "}";
  }
}
