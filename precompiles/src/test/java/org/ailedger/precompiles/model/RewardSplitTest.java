package org.ailedger.precompiles.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class RewardSplitTest {
  private static UInt256 u(long value) {
    return UInt256.valueOf(value);
  }

  @Test
  void rewardsAreFloorsOfThePoolProRataAndTheRemainderIsNotMinted() {
    RewardSplit split = RewardSplit.of(u(100), List.of(u(1), u(1), u(1)));

    assertThat(split.rewards()).containsExactly(u(33), u(33), u(33));
    assertThat(split.minted()).isEqualTo(u(99));
  }

  @Test
  void anExactDivisionMintsThePool() {
    RewardSplit split = RewardSplit.of(u(1_000), List.of(u(3), u(1)));

    assertThat(split.rewards()).containsExactly(u(750), u(250));
    assertThat(split.minted()).isEqualTo(u(1_000));
  }

  @Test
  void productsBeyond256BitsAreExact() {
    UInt256 pool = UInt256.MAX_VALUE;
    UInt256 big = UInt256.MAX_VALUE.subtract(u(1));

    RewardSplit split = RewardSplit.of(pool, List.of(big, u(1)));

    BigInteger total = big.toBigInteger().add(BigInteger.ONE);
    assertThat(split.rewards().get(0).toBigInteger())
        .isEqualTo(pool.toBigInteger().multiply(big.toBigInteger()).divide(total));
    assertThat(split.rewards().get(1).toBigInteger()).isEqualTo(pool.toBigInteger().divide(total));
    assertThat(split.minted()).isLessThanOrEqualTo(pool);
  }

  @Test
  void nobodyAcceptedMintsNothing() {
    RewardSplit split = RewardSplit.of(u(500), List.of());

    assertThat(split.rewards()).isEmpty();
    assertThat(split.minted()).isEqualTo(UInt256.ZERO);
  }

  @Test
  void aZeroWeightIsABug() {
    assertThatThrownBy(() -> RewardSplit.of(u(5), List.of(u(1), UInt256.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
