package org.ailedger.evm.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** Division, ADDMOD and MULMOD on limbs against BigInteger. */
class WordDivisionTest {
  private final Random random = new Random(2200);

  private UInt256 randomWord() {
    return switch (random.nextInt(6)) {
      case 0 -> UInt256.valueOf(new BigInteger(256, random));
      case 1 -> UInt256.valueOf(random.nextInt(1_000) + 1);
      case 2 -> UInt256.MAX_VALUE.subtract(UInt256.valueOf(random.nextInt(3)));
      case 3 -> UInt256.ONE.shiftLeft(random.nextInt(256));
      case 4 ->
          UInt256.ONE
              .shiftLeft(random.nextInt(256))
              .subtract(UInt256.ONE)
              .add(UInt256.ONE.shiftLeft(random.nextInt(256)));
      default -> UInt256.valueOf(new BigInteger(random.nextInt(255) + 1, random));
    };
  }

  private static BigInteger big(UInt256 w) {
    return w.toUnsignedBigInteger();
  }

  private void assertAll(UInt256 a, UInt256 b, UInt256 m) {
    if (!b.isZero()) {
      assertThat(big(WordDivision.divide(a, b)))
          .as("%s / %s", a, b)
          .isEqualTo(big(a).divide(big(b)));
      assertThat(big(WordDivision.remainder(a, b)))
          .as("%s %% %s", a, b)
          .isEqualTo(big(a).mod(big(b)));
    }
    if (!m.isZero()) {
      assertThat(big(WordDivision.addMod(a, b, m)))
          .as("(%s + %s) %% %s", a, b, m)
          .isEqualTo(big(a).add(big(b)).mod(big(m)));
      assertThat(big(WordDivision.mulMod(a, b, m)))
          .as("(%s * %s) %% %s", a, b, m)
          .isEqualTo(big(a).multiply(big(b)).mod(big(m)));
    }
  }

  @Test
  void agreesWithBigIntegerOnRandomAndBoundaryWords() {
    for (int i = 0; i < 20_000; i++) {
      assertAll(randomWord(), randomWord(), randomWord());
    }
  }

  @Test
  void agreesWithBigIntegerWhereTheQuotientDigitMustBeCorrected() {
    // dividends and divisors of the shapes that make algorithm D's estimate too large by one or two
    String[][] cases = {
      {"0x7fffffff800000000000000000000000", "0x800000000000000000000001"},
      {"0x800000000000000000000003", "0x200000000000000000000001"},
      {"0x7fff800000000000800000000000000000000000", "0x800000000000000000000000ffffffff"},
      {"0xffffffffffffffffffffffffffffffff", "0xffffffff00000001"},
      {"0x00000001000000000000000000000000", "0x0000000100000000000000000000ffff"},
    };
    for (String[] c : cases) {
      UInt256 a = UInt256.fromHexString(c[0]);
      UInt256 b = UInt256.fromHexString(c[1]);
      assertAll(a, b, b);
      assertAll(a.multiply(UInt256.valueOf(0x10001)), b, b.add(UInt256.ONE));
    }
  }

  @Test
  void aZeroDivisorGivesZeroAsTheEvmDefines() {
    UInt256 a = UInt256.valueOf(new BigInteger(256, random));
    assertThat(WordDivision.divide(a, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
    assertThat(WordDivision.remainder(a, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
  }
}
