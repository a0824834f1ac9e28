package org.ailedger.node.consensus.qbft.message;

import java.util.Optional;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.types.Address;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;

/**
 * A payload with its author's signature, written {@code [payload, signature]}. The payload's bytes
 * are kept exactly as signed (or as received), because a peer may have used the four-item shape and
 * the signature covers whichever shape it sent.
 *
 * @param author the address recovered from the signature, or empty when the signature is malformed,
 *     has a high s, or recovers no key; set only by {@link QbftMessageCodec} and {@link
 *     MessageFactory}
 */
public record SignedPayload<P extends Payload>(
    P payload, Bytes encodedPayload, Bytes signature, Optional<Address> author) {
  public SignedPayload {
    if (payload == null || encodedPayload == null || signature == null || author == null) {
      throw new IllegalArgumentException("signed payload fields must not be null");
    }
    if (signature.size() != Secp256k1.SIGNATURE_SIZE) {
      throw new IllegalArgumentException("a signature has 65 bytes, got " + signature.size());
    }
    encodedPayload = encodedPayload.copy();
    signature = signature.copy();
  }

  public RoundId roundId() {
    return payload.roundId();
  }

  /** {@code [payload, signature]} with the payload's bytes as signed. */
  public Bytes encode() {
    return RLP.encodeList(
        w -> {
          w.writeRLP(encodedPayload);
          w.writeValue(signature);
        });
  }

  /** What the author signs: {@code keccak256(RLP([intScalar(code), payload]))}. */
  public static Bytes32 signingHash(int code, Bytes encodedPayload) {
    return Keccak.hash(
        RLP.encodeList(
            w -> {
              w.writeInt(code);
              w.writeRLP(encodedPayload);
            }));
  }
}
