package org.ailedger.node.tx;

import java.math.BigInteger;

/**
 * An ECDSA secp256k1 signature as carried by a transaction: r, s and the recovery id (0 or 1).
 * Range checks (r, s in [1, n), s ≤ n/2) belong to validation, so that a decoded transaction can be
 * rejected with a precise reason instead of failing to exist.
 */
public record Signature(BigInteger r, BigInteger s, int recId) {
  public Signature {
    if (r == null || s == null) {
      throw new IllegalArgumentException("r and s are required");
    }
    if (r.signum() < 0 || s.signum() < 0) {
      throw new IllegalArgumentException("r and s are unsigned");
    }
    if (recId != 0 && recId != 1) {
      throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recId);
    }
  }
}
