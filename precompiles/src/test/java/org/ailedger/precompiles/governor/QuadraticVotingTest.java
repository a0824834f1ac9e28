package org.ailedger.precompiles.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** The integer arithmetic behind weights, caps and quorums. */
class QuadraticVotingTest {
  @Test
  void powerIsTheFloorSquareRootUnderTheCap() {
    UInt256 noCap = UInt256.MAX_VALUE;

    assertThat(QuadraticVoting.capped(UInt256.valueOf(99), noCap)).isEqualTo(UInt256.valueOf(9));
    assertThat(QuadraticVoting.capped(UInt256.valueOf(100), noCap)).isEqualTo(UInt256.valueOf(10));
    assertThat(QuadraticVoting.capped(UInt256.ZERO, noCap)).isEqualTo(UInt256.ZERO);
    assertThat(QuadraticVoting.capped(UInt256.MAX_VALUE, noCap))
        .isEqualTo(UInt256.valueOf(BigInteger.TWO.pow(128).subtract(BigInteger.ONE)));
  }

  @Test
  void theCapHoldsLargeMembersAndSparesSmallOnes() {
    UInt256 cap = UInt256.valueOf(14);

    assertThat(QuadraticVoting.capped(UInt256.valueOf(8_100), cap)).isEqualTo(cap);
    assertThat(QuadraticVoting.capped(UInt256.valueOf(196), cap)).isEqualTo(cap);
    assertThat(QuadraticVoting.capped(UInt256.valueOf(195), cap)).isEqualTo(UInt256.valueOf(13));
  }

  @Test
  void sharesRoundDownInBasisPoints() {
    assertThat(QuadraticVoting.share(UInt256.valueOf(1_000), UInt256.valueOf(140)))
        .isEqualTo(UInt256.valueOf(14));
    assertThat(QuadraticVoting.share(UInt256.valueOf(2_000), UInt256.valueOf(149)))
        .isEqualTo(UInt256.valueOf(29));
    assertThat(QuadraticVoting.share(UInt256.valueOf(1), UInt256.valueOf(9_999)))
        .isEqualTo(UInt256.ZERO);
    assertThat(QuadraticVoting.share(UInt256.valueOf(10_000), UInt256.MAX_VALUE))
        .isEqualTo(UInt256.MAX_VALUE);
  }

  @Test
  void moreThanAllBasisPointsIsABug() {
    assertThatThrownBy(() -> QuadraticVoting.share(UInt256.valueOf(10_001), UInt256.ONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
