package org.ailedger.precompiles.governor;

import java.math.BigInteger;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.token.QuadraticWeight;
import org.ailedger.precompiles.token.TokenLedger;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The arithmetic of quadratic voting with caps, over the token's checkpoints. A member's power is
 * {@code min(isqrt(raw(m)), capBps · Q / 10000)}: the square root makes a hundredfold stake worth
 * tenfold votes, the cap keeps any single member at or below its share of Q however much it holds,
 * and because {@code raw(m)} sums all of a member's accounts, spreading tokens over accounts
 * changes nothing. Every figure is exact integer arithmetic with floor division, so every validator
 * computes the same weight; every read is a binary search in the token's checkpoints, O(log n).
 */
final class QuadraticVoting {
  /** 100 % in basis points. */
  static final BigInteger ALL_BPS = BigInteger.valueOf(10_000);

  private final TokenLedger token;

  private QuadraticVoting(TokenLedger token) {
    this.token = token;
  }

  static QuadraticVoting of(ContractState state) {
    return new QuadraticVoting(TokenLedger.of(state));
  }

  /**
   * A member's raw balance at the end of {@code block} and the power it gives under {@code cap}.
   */
  record MemberPower(UInt256 raw, UInt256 power) {}

  /** raw(m) and min(isqrt(raw(m)), cap) at the end of {@code block}, a mined block. */
  MemberPower memberPower(Bytes32 member, long block, UInt256 cap) {
    UInt256 raw = token.pastMemberBalance(member, block);
    return new MemberPower(raw, capped(raw, cap));
  }

  /** raw(m) at the end of {@code block}, a mined block. */
  UInt256 rawBalance(Bytes32 member, long block) {
    return token.pastMemberBalance(member, block);
  }

  /** Q at the end of {@code block}, a mined block. */
  UInt256 quadraticTotal(long block) {
    return token.pastQuadraticTotal(block);
  }

  /** {@code min(isqrt(raw), cap)}. */
  static UInt256 capped(UInt256 raw, UInt256 cap) {
    UInt256 root = QuadraticWeight.of(raw);
    return root.compareTo(cap) <= 0 ? root : cap;
  }

  /**
   * {@code bps · total / 10000}, rounded down: the cap from capBps and the quorum from quorumBps.
   * Computed without overflow for any 256-bit total; the result never exceeds {@code total} because
   * bps is at most 10000.
   */
  static UInt256 share(UInt256 bps, UInt256 total) {
    if (bps.compareTo(UInt256.valueOf(ALL_BPS)) > 0) {
      throw new IllegalArgumentException("basis points above 10000: " + bps);
    }
    return UInt256.valueOf(bps.toBigInteger().multiply(total.toBigInteger()).divide(ALL_BPS));
  }
}
