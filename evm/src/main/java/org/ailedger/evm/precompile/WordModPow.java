package org.ailedger.evm.precompile;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/**
 * base^exponent mod m for a modulus of at most 64 bits, in {@code long}s. EIP-2565 prices a
 * one-word modulus at a third of a gas per squaring, so a long exponent over a small modulus is the
 * cheapest modexp per gas, and {@link BigInteger#modPow} spends tens of nanoseconds a bit on it.
 * Below 2³² products fit in 64 bits and Barrett reduction serves; above, an odd modulus works in
 * Montgomery form, and an even one is split into its odd part and a power of two whose results the
 * Chinese remainder theorem joins.
 */
final class WordModPow {
  private static final long SMALL_LIMIT = 1L << 32;

  private WordModPow() {}

  /**
   * The result for a non-zero unsigned modulus and a base already reduced below it; the exponent is
   * big-endian bytes.
   */
  static long modPow(long base, Bytes exponent, long modulus) {
    if (modulus == 0 || Long.compareUnsigned(base, modulus) >= 0) {
      throw new IllegalArgumentException("need 0 <= base < modulus, modulus > 0");
    }
    if (Long.compareUnsigned(modulus, SMALL_LIMIT) < 0) {
      return barrett(base, exponent, modulus);
    }
    int twos = Long.numberOfTrailingZeros(modulus);
    long odd = modulus >>> twos;
    long oddResult = odd == 1 ? 0 : montgomery(Long.remainderUnsigned(base, odd), exponent, odd);
    if (twos == 0) {
      return oddResult;
    }
    long mask = (1L << twos) - 1; // twos ≤ 63: the odd part is at least 1
    long twoResult = powerOfTwo(base & mask, exponent) & mask;
    // x ≡ oddResult (mod odd), x ≡ twoResult (mod 2^twos); x < odd · 2^twos = modulus
    long lift = ((twoResult - oddResult) * inverse(odd)) & mask;
    return oddResult + odd * lift;
  }

  private static long barrett(long base, Bytes exponent, long modulus) {
    long reciprocal = Long.divideUnsigned(-1L, modulus); // ⌊(2⁶⁴ − 1) / modulus⌋
    long result = 1 % modulus;
    for (int i = 0; i < exponent.size(); i++) {
      int bits = exponent.get(i) & 0xff;
      for (int bit = 7; bit >= 0; bit--) {
        result = reduce(result * result, modulus, reciprocal);
        if ((bits >>> bit & 1) != 0) {
          result = reduce(result * base, modulus, reciprocal);
        }
      }
    }
    return result;
  }

  /** x mod m for an unsigned 64-bit x; the estimated quotient is at most two short. */
  private static long reduce(long x, long modulus, long reciprocal) {
    long remainder = x - Math.unsignedMultiplyHigh(x, reciprocal) * modulus;
    while (Long.compareUnsigned(remainder, modulus) >= 0) {
      remainder -= modulus;
    }
    return remainder;
  }

  private static long montgomery(long base, Bytes exponent, long modulus) {
    long negativeInverse = -inverse(modulus);
    BigInteger m = new BigInteger(Long.toUnsignedString(modulus));
    long r2 = BigInteger.ONE.shiftLeft(128).mod(m).longValue(); // R² mod m, R = 2⁶⁴
    long montgomeryBase = multiply(base, r2, modulus, negativeInverse);
    long result = multiply(1, r2, modulus, negativeInverse); // R mod m: one in Montgomery form
    for (int i = 0; i < exponent.size(); i++) {
      int bits = exponent.get(i) & 0xff;
      for (int bit = 7; bit >= 0; bit--) {
        result = multiply(result, result, modulus, negativeInverse);
        if ((bits >>> bit & 1) != 0) {
          result = multiply(result, montgomeryBase, modulus, negativeInverse);
        }
      }
    }
    return multiply(result, 1, modulus, negativeInverse);
  }

  /** a·b·R⁻¹ mod m for a, b < m, m odd, with R = 2⁶⁴. */
  private static long multiply(long a, long b, long modulus, long negativeInverse) {
    long low = a * b;
    long high = Math.unsignedMultiplyHigh(a, b);
    long q = low * negativeInverse; // makes low + q·m ≡ 0 (mod 2⁶⁴)
    long qHigh = Math.unsignedMultiplyHigh(q, modulus);
    long carry = low != 0 ? 1 : 0; // low + (q·m mod 2⁶⁴) is 0 or exactly 2⁶⁴
    long sum = high + qHigh;
    boolean overflow = Long.compareUnsigned(sum, high) < 0;
    sum += carry;
    overflow |= carry == 1 && sum == 0;
    // the true value high + qHigh + carry is below 2m, so one subtraction reduces it
    return overflow || Long.compareUnsigned(sum, modulus) >= 0 ? sum - modulus : sum;
  }

  /** base^exponent mod 2⁶⁴: plain wrapping multiplication. */
  private static long powerOfTwo(long base, Bytes exponent) {
    long result = 1;
    for (int i = 0; i < exponent.size(); i++) {
      int bits = exponent.get(i) & 0xff;
      for (int bit = 7; bit >= 0; bit--) {
        result *= result;
        if ((bits >>> bit & 1) != 0) {
          result *= base;
        }
      }
    }
    return result;
  }

  /** The inverse of an odd number modulo 2⁶⁴, by Newton's iteration. */
  private static long inverse(long odd) {
    long inverse = odd; // correct to 3 bits for any odd number
    for (int i = 0; i < 5; i++) {
      inverse *= 2 - odd * inverse;
    }
    return inverse;
  }
}
