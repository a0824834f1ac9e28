package org.ailedger.evm.frame;

import org.apache.tuweni.units.bigints.UInt256;

/** The two's-complement, modular and exponent operations on words, without BigInteger. */
final class SignedWords {

  private SignedWords() {}

  static UInt256 sdiv(UInt256 a, UInt256 b) {
    if (b.isZero()) {
      return UInt256.ZERO;
    }
    boolean negative = isNegative(a) != isNegative(b);
    // magnitudes as unsigned words: -2^255 stays 2^255, so -2^255 / -1 wraps to -2^255
    UInt256 quotient = WordDivision.divide(abs(a), abs(b));
    return negative ? negate(quotient) : quotient;
  }

  static UInt256 smod(UInt256 a, UInt256 b) {
    if (b.isZero()) {
      return UInt256.ZERO;
    }
    // the result takes the sign of the dividend
    UInt256 remainder = WordDivision.remainder(abs(a), abs(b));
    return isNegative(a) ? negate(remainder) : remainder;
  }

  private static boolean isNegative(UInt256 word) {
    return word.get(0) < 0;
  }

  private static UInt256 abs(UInt256 word) {
    return isNegative(word) ? negate(word) : word;
  }

  private static UInt256 negate(UInt256 word) {
    return word.not().add(UInt256.ONE);
  }

  static int compare(UInt256 a, UInt256 b) {
    boolean negA = a.get(0) < 0;
    boolean negB = b.get(0) < 0;
    if (negA != negB) {
      return negA ? -1 : 1;
    }
    return a.compareTo(b);
  }

  static UInt256 sar(UInt256 shift, UInt256 value) {
    boolean negative = value.get(0) < 0;
    if (!shift.fitsInt() || shift.intValue() >= 256) {
      return negative ? UInt256.MAX_VALUE : UInt256.ZERO;
    }
    int n = shift.intValue();
    // shifting the complement in zeros and complementing back fills with ones
    return negative ? value.not().shiftRight(n).not() : value.shiftRight(n);
  }

  static UInt256 signExtend(UInt256 byteIndex, UInt256 value) {
    if (!byteIndex.fitsInt() || byteIndex.intValue() >= 31) {
      return value;
    }
    int bit = byteIndex.intValue() * 8 + 7;
    UInt256 mask = UInt256.ONE.shiftLeft(bit + 1).subtract(UInt256.ONE);
    boolean set = !value.and(UInt256.ONE.shiftLeft(bit)).isZero();
    return set ? value.or(mask.not()) : value.and(mask);
  }

  static UInt256 addMod(UInt256 a, UInt256 b, UInt256 m) {
    return m.isZero() ? UInt256.ZERO : WordDivision.addMod(a, b, m);
  }

  static UInt256 mulMod(UInt256 a, UInt256 b, UInt256 m) {
    return m.isZero() ? UInt256.ZERO : WordDivision.mulMod(a, b, m);
  }

  /** base^exponent mod 2^256 by square-and-multiply; UInt256 multiplication wraps by itself. */
  static UInt256 exp(UInt256 base, UInt256 exponent) {
    UInt256 result = UInt256.ONE;
    UInt256 square = base;
    int bits = exponent.bitLength();
    for (int i = 0; i < bits; i++) {
      if (((exponent.get(31 - i / 8) >> (i % 8)) & 1) == 1) {
        result = result.multiply(square);
      }
      if (i + 1 < bits) {
        square = square.multiply(square);
      }
    }
    return result;
  }
}
