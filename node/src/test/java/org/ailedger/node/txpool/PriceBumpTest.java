package org.ailedger.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class PriceBumpTest {
  private final PriceBump tenPercent = new PriceBump(10);

  @Test
  void minimumIsTheBumpedFeeRoundedUp() {
    assertThat(tenPercent.minimum(UInt256.valueOf(100))).isEqualTo(BigInteger.valueOf(110));
    assertThat(tenPercent.minimum(UInt256.valueOf(15))).isEqualTo(BigInteger.valueOf(17));
  }

  @Test
  void minimumIsAlwaysAboveTheOldFee() {
    assertThat(tenPercent.minimum(UInt256.ZERO)).isEqualTo(BigInteger.ONE);
    assertThat(tenPercent.minimum(UInt256.valueOf(1))).isEqualTo(BigInteger.TWO);
    assertThat(new PriceBump(0).minimum(UInt256.valueOf(7))).isEqualTo(BigInteger.valueOf(8));
  }

  @Test
  void hugeFeesDoNotOverflow() {
    BigInteger expected =
        UInt256.MAX_VALUE
            .toBigInteger()
            .multiply(BigInteger.valueOf(110))
            .add(BigInteger.valueOf(99))
            .divide(BigInteger.valueOf(100));

    assertThat(tenPercent.minimum(UInt256.MAX_VALUE)).isEqualTo(expected);
    assertThat(tenPercent.isMetBy(UInt256.MAX_VALUE, UInt256.MAX_VALUE)).isFalse();
  }

  @Test
  void offerAtTheMinimumMeetsTheBumpAndOneBelowDoesNot() {
    assertThat(tenPercent.isMetBy(UInt256.valueOf(100), UInt256.valueOf(110))).isTrue();
    assertThat(tenPercent.isMetBy(UInt256.valueOf(100), UInt256.valueOf(109))).isFalse();
  }
}
