package org.ailedger.evm.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** The word operations against BigInteger arithmetic on random and edge operands. */
class SignedWordsTest {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private final Random random = new Random(1153);

  private UInt256 randomWord() {
    // a mix of full-width, short and boundary values, where carries and signs go wrong
    return switch (random.nextInt(5)) {
      case 0 -> UInt256.valueOf(new BigInteger(256, random));
      case 1 -> UInt256.valueOf(random.nextInt(1_000));
      case 2 -> UInt256.MAX_VALUE.subtract(UInt256.valueOf(random.nextInt(3)));
      case 3 -> UInt256.ONE.shiftLeft(255);
      default -> UInt256.valueOf(new BigInteger(random.nextInt(255) + 1, random));
    };
  }

  private static BigInteger signed(UInt256 word) {
    BigInteger value = word.toUnsignedBigInteger();
    return value.testBit(255) ? value.subtract(TWO_256) : value;
  }

  @Test
  void expIsModularExponentiation() {
    for (int i = 0; i < 2_000; i++) {
      UInt256 base = randomWord();
      UInt256 exponent = random.nextBoolean() ? UInt256.valueOf(random.nextInt(300)) : randomWord();
      BigInteger expected =
          base.toUnsignedBigInteger().modPow(exponent.toUnsignedBigInteger(), TWO_256);
      assertThat(SignedWords.exp(base, exponent).toUnsignedBigInteger())
          .as("%s ** %s", base, exponent)
          .isEqualTo(expected);
    }
    assertThat(SignedWords.exp(UInt256.ZERO, UInt256.ZERO)).isEqualTo(UInt256.ONE);
  }

  @Test
  void sarShiftsInTheSignBit() {
    for (int i = 0; i < 2_000; i++) {
      UInt256 value = randomWord();
      int shift = random.nextInt(300);
      BigInteger expected =
          shift >= 256
              ? (signed(value).signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO)
              : signed(value).shiftRight(shift);
      assertThat(SignedWords.sar(UInt256.valueOf(shift), value).toUnsignedBigInteger())
          .as("%s >> %d", value, shift)
          .isEqualTo(expected.mod(TWO_256));
    }
  }

  @Test
  void signedDivisionTruncatesTowardZeroAndWrapsTheMinimumOverMinusOne() {
    UInt256 minimum = UInt256.ONE.shiftLeft(255);
    assertThat(SignedWords.sdiv(minimum, UInt256.MAX_VALUE)).isEqualTo(minimum);
    UInt256 minusSeven = UInt256.valueOf(7).not().add(UInt256.ONE);
    UInt256 minusThree = UInt256.valueOf(3).not().add(UInt256.ONE);
    assertThat(SignedWords.sdiv(minusSeven, UInt256.valueOf(2))).isEqualTo(minusThree);
    assertThat(SignedWords.smod(minusSeven, UInt256.valueOf(2)))
        .isEqualTo(UInt256.MAX_VALUE); // -1: the sign of the dividend
    assertThat(SignedWords.sdiv(minusSeven, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void signedDivisionAndRemainderAgreeWithBigInteger() {
    for (int i = 0; i < 5_000; i++) {
      UInt256 a = randomWord();
      UInt256 b = randomWord();
      if (random.nextBoolean()) {
        b = b.not().add(UInt256.ONE); // a negative divisor as often as a positive one
      }
      if (b.isZero()) {
        continue;
      }
      BigInteger quotient = signed(a).divide(signed(b));
      BigInteger remainder = signed(a).remainder(signed(b));
      assertThat(SignedWords.sdiv(a, b).toUnsignedBigInteger())
          .as("%s sdiv %s", a, b)
          .isEqualTo(quotient.mod(TWO_256));
      assertThat(SignedWords.smod(a, b).toUnsignedBigInteger())
          .as("%s smod %s", a, b)
          .isEqualTo(remainder.mod(TWO_256));
    }
  }
}
