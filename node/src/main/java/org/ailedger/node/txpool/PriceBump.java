package org.ailedger.node.txpool;

import java.math.BigInteger;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The replacement rule for one fee field: the new fee must be at least {@code percent} above the
 * old one, and strictly above it, so that on a free-gas network two zero-fee transactions cannot
 * keep replacing each other.
 */
record PriceBump(int percent) {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  /** The least fee that replaces {@code old}. */
  BigInteger minimum(UInt256 old) {
    BigInteger oldFee = old.toBigInteger();
    BigInteger[] quotientAndRemainder =
        oldFee.multiply(BigInteger.valueOf(100L + percent)).divideAndRemainder(HUNDRED);
    BigInteger bumped =
        quotientAndRemainder[1].signum() == 0
            ? quotientAndRemainder[0]
            : quotientAndRemainder[0].add(BigInteger.ONE);
    return bumped.max(oldFee.add(BigInteger.ONE));
  }

  boolean isMetBy(UInt256 old, UInt256 offered) {
    return offered.toBigInteger().compareTo(minimum(old)) >= 0;
  }
}
