package org.ailedger.precompiles.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A round's reward pool divided pro rata to weights: {@code reward_i = floor(pool · w_i / Σw)},
 * computed exactly (the product can exceed 256 bits). The sum of the floors falls short of the pool
 * by less than one base unit per weight; that remainder is not minted, so the round never creates
 * more than its pool and no contributor is favoured with the leftover.
 *
 * @param rewards one per weight, in the weights' order
 * @param minted the sum of the rewards
 */
record RewardSplit(List<UInt256> rewards, UInt256 minted) {
  RewardSplit {
    rewards = List.copyOf(rewards);
  }

  /**
   * @throws IllegalArgumentException if a weight is zero (the caller refuses those with a reason)
   */
  static RewardSplit of(UInt256 pool, List<UInt256> weights) {
    BigInteger total = BigInteger.ZERO;
    for (UInt256 weight : weights) {
      if (weight.isZero()) {
        throw new IllegalArgumentException("weights must be positive");
      }
      total = total.add(weight.toBigInteger());
    }
    List<UInt256> rewards = new ArrayList<>(weights.size());
    BigInteger minted = BigInteger.ZERO;
    for (UInt256 weight : weights) {
      BigInteger reward = pool.toBigInteger().multiply(weight.toBigInteger()).divide(total);
      rewards.add(UInt256.valueOf(reward));
      minted = minted.add(reward);
    }
    return new RewardSplit(rewards, UInt256.valueOf(minted));
  }
}
