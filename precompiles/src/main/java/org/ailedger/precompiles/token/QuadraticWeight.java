package org.ailedger.precompiles.token;

import org.apache.tuweni.units.bigints.UInt256;

/**
 * A member's quadratic voting weight {@code q(m) = isqrt(raw(m))}, the floor of the square root of
 * its raw token balance. It must be exact integer arithmetic, never floating point: every validator
 * has to arrive at the same weight, and a double cannot even represent most 256-bit balances.
 */
public final class QuadraticWeight {
  private QuadraticWeight() {}

  /** The largest {@code q} with {@code q * q <= raw}. */
  public static UInt256 of(UInt256 raw) {
    return UInt256.valueOf(raw.toBigInteger().sqrt());
  }
}
