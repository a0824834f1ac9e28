package org.ailedger.precompiles.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuadraticWeightTest {
  @ParameterizedTest
  @CsvSource({"0,0", "1,1", "2,1", "3,1", "4,2", "8,2", "9,3", "99,9", "100,10", "101,10"})
  void smallValuesRoundDown(long raw, long weight) {
    assertThat(QuadraticWeight.of(UInt256.valueOf(raw))).isEqualTo(UInt256.valueOf(weight));
  }

  @Test
  void theLargestUint256HasTheLargest128BitRoot() {
    UInt256 root = UInt256.ONE.shiftLeft(128).subtract(UInt256.ONE);

    assertThat(QuadraticWeight.of(UInt256.MAX_VALUE)).isEqualTo(root);
    assertThat(QuadraticWeight.of(root.multiply(root))).isEqualTo(root);
    assertThat(QuadraticWeight.of(root.multiply(root).subtract(UInt256.ONE)))
        .isEqualTo(root.subtract(UInt256.ONE));
  }

  @Test
  void eighteenDecimalBalancesAreExact() {
    // 1e18 base units (one token) has root 1e9 exactly; one unit less does not
    UInt256 oneToken = UInt256.valueOf(1_000_000_000_000_000_000L);

    assertThat(QuadraticWeight.of(oneToken)).isEqualTo(UInt256.valueOf(1_000_000_000L));
    assertThat(QuadraticWeight.of(oneToken.subtract(UInt256.ONE)))
        .isEqualTo(UInt256.valueOf(999_999_999L));
  }

  @Test
  void randomValuesLieBetweenTheSquaresOfTheirRootAndTheNext() {
    Random random = new Random(7);
    for (int i = 0; i < 1_000; i++) {
      BigInteger raw = new BigInteger(1 + random.nextInt(256), random);

      BigInteger root = QuadraticWeight.of(UInt256.valueOf(raw)).toBigInteger();

      assertThat(root.multiply(root)).as("raw %s", raw).isLessThanOrEqualTo(raw);
      BigInteger next = root.add(BigInteger.ONE);
      assertThat(next.multiply(next)).as("raw %s", raw).isGreaterThan(raw);
    }
  }
}
