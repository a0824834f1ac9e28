package org.ailedger.node.p2p.rlpx.handshake;

import org.ailedger.node.crypto.PublicKey;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;

/** The recipient's answer: its ephemeral public key, its nonce and the handshake version. */
record AckMessage(PublicKey ephemeralKey, Bytes32 nonce, int version) {
  /** Plaintext size of the pre-EIP-8 form: key, nonce, token flag. */
  static final int PLAIN_SIZE = PublicKey.SIZE + 32 + 1;

  AckMessage {
    if (ephemeralKey == null || nonce == null) {
      throw new IllegalArgumentException("an ack message needs key and nonce");
    }
  }

  /** The EIP-8 body, an RLP list; the caller appends padding. */
  Bytes encode() {
    return RLP.encodeList(
        w -> {
          w.writeValue(ephemeralKey.bytes());
          w.writeValue(nonce);
          w.writeInt(version);
        });
  }

  /** The pre-EIP-8 layout, for a peer that sent its auth in that form. */
  Bytes encodePlain() {
    return Bytes.concatenate(ephemeralKey.bytes(), nonce, Bytes.of(0));
  }

  /**
   * Reads the EIP-8 body, ignoring extra list items and the padding after the list.
   *
   * @throws IllegalArgumentException when the body is not an ack message
   */
  static AckMessage decode(Bytes body) {
    try {
      return RLP.decode(
          body,
          outer ->
              outer.readList(
                  r -> {
                    PublicKey key = new PublicKey(r.readValue());
                    Bytes32 nonce = AuthMessage.nonce32(r.readValue());
                    int version = r.isComplete() ? 0 : r.readInt();
                    return new AckMessage(key, nonce, version);
                  }));
    } catch (RLPException e) {
      throw new IllegalArgumentException("malformed ack body: " + e.getMessage(), e);
    }
  }

  static AckMessage decodePlain(Bytes plain) {
    if (plain.size() != PLAIN_SIZE) {
      throw new IllegalArgumentException("a pre-EIP-8 ack has " + PLAIN_SIZE + " bytes");
    }
    return new AckMessage(
        new PublicKey(plain.slice(0, PublicKey.SIZE)),
        Bytes32.wrap(plain.slice(PublicKey.SIZE, 32)),
        4);
  }
}
