package org.ailedger.node.p2p.rlpx.handshake;

import org.ailedger.node.crypto.PublicKey;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;

/**
 * The initiator's first message: its ephemeral key's signature over {@code static-shared-secret ^
 * nonce}, its node key, its nonce and the handshake version.
 */
record AuthMessage(Bytes signature, PublicKey initiatorKey, Bytes32 nonce, int version) {
  static final int SIGNATURE_SIZE = 65;

  /** Plaintext size of the pre-EIP-8 form: sig, keccak(ephemeral key), key, nonce, flag. */
  static final int PLAIN_SIZE = SIGNATURE_SIZE + 32 + PublicKey.SIZE + 32 + 1;

  AuthMessage {
    if (signature == null || signature.size() != SIGNATURE_SIZE) {
      throw new IllegalArgumentException("an auth signature has 65 bytes");
    }
    if (initiatorKey == null || nonce == null) {
      throw new IllegalArgumentException("an auth message needs key and nonce");
    }
  }

  /** The EIP-8 body, an RLP list; the caller appends padding. */
  Bytes encode() {
    return RLP.encodeList(
        w -> {
          w.writeValue(signature);
          w.writeValue(initiatorKey.bytes());
          w.writeValue(nonce);
          w.writeInt(version);
        });
  }

  /**
   * Reads the EIP-8 body, ignoring extra list items and the padding after the list.
   *
   * @throws IllegalArgumentException when the body is not an auth message
   */
  static AuthMessage decode(Bytes body) {
    try {
      return RLP.decode(
          body,
          outer ->
              outer.readList(
                  r -> {
                    Bytes sig = r.readValue();
                    PublicKey key = new PublicKey(r.readValue());
                    Bytes nonce = r.readValue();
                    int version = r.isComplete() ? 0 : r.readInt();
                    return new AuthMessage(sig, key, nonce32(nonce), version);
                  }));
    } catch (RLPException e) {
      throw new IllegalArgumentException("malformed auth body: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the fixed pre-EIP-8 layout; its hash of the ephemeral key is checked later against the
   * key recovered from the signature.
   */
  static AuthMessage decodePlain(Bytes plain) {
    if (plain.size() != PLAIN_SIZE) {
      throw new IllegalArgumentException("a pre-EIP-8 auth has " + PLAIN_SIZE + " bytes");
    }
    int at = SIGNATURE_SIZE + 32;
    return new AuthMessage(
        plain.slice(0, SIGNATURE_SIZE),
        new PublicKey(plain.slice(at, PublicKey.SIZE)),
        Bytes32.wrap(plain.slice(at + PublicKey.SIZE, 32)),
        4);
  }

  /** The ephemeral-key hash a pre-EIP-8 auth carries. */
  static Bytes32 plainEphemeralKeyHash(Bytes plain) {
    return Bytes32.wrap(plain.slice(SIGNATURE_SIZE, 32));
  }

  static Bytes32 keyHash(PublicKey key) {
    return Keccak.hash(key.bytes());
  }

  static Bytes32 nonce32(Bytes nonce) {
    if (nonce.size() != 32) {
      throw new IllegalArgumentException("a handshake nonce has 32 bytes, got " + nonce.size());
    }
    return Bytes32.wrap(nonce);
  }
}
