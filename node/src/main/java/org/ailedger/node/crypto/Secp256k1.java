package org.ailedger.node.crypto;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The secp256k1 operations the node needs: public-key recovery for transaction senders and
 * consensus seals, and signing. Implementations are stateless and thread-safe.
 */
public interface Secp256k1 {
  /** The group order n. */
  BigInteger CURVE_ORDER =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  /** n/2: the largest s a canonical (EIP-2 low-s) signature may carry. */
  BigInteger HALF_CURVE_ORDER = CURVE_ORDER.shiftRight(1);

  /** Length of {@link #sign}'s result: r (32) || s (32) || recovery id (1). */
  int SIGNATURE_SIZE = 65;

  /**
   * Recovers the signer's public key, 64 bytes x||y without the 0x04 prefix, or empty when no key
   * recovers: r or s out of [1, n), r not an x coordinate on the curve, or the point at infinity.
   * Callers enforce the low-s rule themselves; recovery accepts any s in range.
   *
   * @param recId 0 or 1, the parity of the y coordinate of the signature's R point
   */
  Optional<Bytes> recoverPublicKey(Bytes32 messageHash, BigInteger r, BigInteger s, int recId);

  /** Deterministic (RFC 6979) signature with low s, as 65 bytes r||s||recId. */
  Bytes sign(Bytes32 messageHash, PrivateKey key);

  /** Short name for logs and benchmark parameters, e.g. {@code native}. */
  String name();
}
