package org.ailedger.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Montgomery limb arithmetic against BigInteger on random and boundary values. */
class FpTest {
  private static final BigInteger P = Fp.P;

  private static List<BigInteger> samples() {
    List<BigInteger> values = new ArrayList<>();
    for (long small : new long[] {0, 1, 2, 3, 9}) {
      values.add(BigInteger.valueOf(small));
    }
    values.add(P.subtract(BigInteger.ONE));
    values.add(P.subtract(BigInteger.TWO));
    values.add(P.shiftRight(1));
    values.add(BigInteger.ONE.shiftLeft(253));
    values.add(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    values.add(BigInteger.ONE.shiftLeft(192));
    Random random = new Random(20261207);
    for (int i = 0; i < 40; i++) {
      values.add(new BigInteger(254, random).mod(P));
    }
    return values;
  }

  @Test
  void arithmeticAgreesWithBigInteger() {
    List<BigInteger> values = samples();
    for (BigInteger a : values) {
      Fp fa = Fp.of(a);
      assertThat(fa.toBigInteger()).isEqualTo(a);
      assertThat(fa.neg().toBigInteger()).isEqualTo(a.negate().mod(P));
      if (a.signum() != 0) {
        assertThat(fa.inverse().toBigInteger()).isEqualTo(a.modInverse(P));
      }
      for (BigInteger b : values) {
        Fp fb = Fp.of(b);
        assertThat(fa.add(fb).toBigInteger()).isEqualTo(a.add(b).mod(P));
        assertThat(fa.sub(fb).toBigInteger()).isEqualTo(a.subtract(b).mod(P));
        assertThat(fa.mul(fb).toBigInteger()).isEqualTo(a.multiply(b).mod(P));
      }
    }
  }

  @Test
  void equalValuesHaveEqualRepresentations() {
    Fp a = Fp.of(P.subtract(BigInteger.ONE));
    assertThat(a.add(Fp.ONE)).isEqualTo(Fp.ZERO);
    assertThat(Fp.ZERO.sub(Fp.ONE)).isEqualTo(a);
    assertThat(a.mul(a)).isEqualTo(Fp.ONE);
  }
}
