package org.ailedger.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class WordModPowTest {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private static List<BigInteger> moduli(Random random) {
    List<BigInteger> moduli = new ArrayList<>();
    for (String m :
        new String[] {
          "1",
          "2",
          "3",
          "251",
          "4294967291",
          "4294967295", // below 2³²: Barrett
          "4294967296",
          "4294967311",
          "8589934592", // 2³², a prime above it, 2³³
          "9223372036854775807",
          "9223372036854775808",
          "9223372036854775809", // 2⁶³ − 1, 2⁶³, + 1
          "18446744073709551557",
          "18446744073709551615", // the largest 64-bit prime, 2⁶⁴ − 1
          "18446744073709551614",
          "12297829382473034752" // even, with large odd parts
        }) {
      moduli.add(new BigInteger(m));
    }
    for (int i = 0; i < 30; i++) {
      BigInteger m = new BigInteger(33 + random.nextInt(32), random);
      moduli.add(m.signum() == 0 ? BigInteger.ONE : m);
      moduli.add(m.shiftLeft(random.nextInt(20)).mod(TWO_64).max(BigInteger.ONE)); // even ones
    }
    return moduli;
  }

  @Test
  void agreesWithBigIntegerModPow() {
    Random random = new Random(7);
    for (BigInteger m : moduli(random)) {
      for (int trial = 0; trial < 10; trial++) {
        BigInteger base = new BigInteger(64, random).mod(m);
        byte[] exponent = new byte[random.nextInt(24)];
        random.nextBytes(exponent);
        long actual = WordModPow.modPow(base.longValue(), Bytes.wrap(exponent), m.longValue());
        BigInteger expected = base.modPow(new BigInteger(1, exponent), m);
        assertThat(new BigInteger(Long.toUnsignedString(actual)))
            .as("%s^%s mod %s", base, new BigInteger(1, exponent), m)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void zeroExponentGivesOneModuloTheModulus() {
    assertThat(WordModPow.modPow(5, Bytes.EMPTY, 7)).isEqualTo(1);
    assertThat(WordModPow.modPow(0, Bytes.EMPTY, 1)).isEqualTo(0);
    assertThat(WordModPow.modPow(0, Bytes.of(0), -2L)).isEqualTo(1); // modulus 2⁶⁴ − 2
  }
}
