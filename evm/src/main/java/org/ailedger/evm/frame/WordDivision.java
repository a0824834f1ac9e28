package org.ailedger.evm.frame;

import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Unsigned division of up to 512-bit numbers by 256-bit words on 32-bit limbs (Knuth's algorithm
 * D), so DIV, MOD, ADDMOD and MULMOD of full-width words need no BigInteger. Limb arrays are
 * little-endian: index 0 holds the lowest 32 bits.
 */
final class WordDivision {
  private static final long MASK = 0xffff_ffffL;

  private WordDivision() {}

  /** DIV: zero for a zero divisor; values below 2^63 (Solidity's overflow checks) stay in longs. */
  static UInt256 divide(UInt256 a, UInt256 b) {
    if (b.isZero()) {
      return UInt256.ZERO;
    }
    if (a.fitsLong() && b.fitsLong()) {
      return UInt256.valueOf(a.toLong() / b.toLong());
    }
    return word(divide(limbs(a), limbs(b), true));
  }

  /** MOD: zero for a zero divisor. */
  static UInt256 remainder(UInt256 a, UInt256 b) {
    if (b.isZero()) {
      return UInt256.ZERO;
    }
    if (a.fitsLong() && b.fitsLong()) {
      return UInt256.valueOf(a.toLong() % b.toLong());
    }
    return word(divide(limbs(a), limbs(b), false));
  }

  static UInt256 addMod(UInt256 a, UInt256 b, UInt256 m) {
    int[] x = limbs(a);
    int[] y = limbs(b);
    int[] sum = new int[9];
    long carry = 0;
    for (int i = 0; i < 8; i++) {
      long s = (x[i] & MASK) + (y[i] & MASK) + carry;
      sum[i] = (int) s;
      carry = s >>> 32;
    }
    sum[8] = (int) carry;
    return word(divide(sum, limbs(m), false));
  }

  static UInt256 mulMod(UInt256 a, UInt256 b, UInt256 m) {
    int[] x = limbs(a);
    int[] y = limbs(b);
    int[] product = new int[16];
    for (int i = 0; i < 8; i++) {
      long carry = 0;
      long xi = x[i] & MASK;
      for (int j = 0; j < 8; j++) {
        long t = xi * (y[j] & MASK) + (product[i + j] & MASK) + carry;
        product[i + j] = (int) t;
        carry = t >>> 32;
      }
      product[i + 8] = (int) carry;
    }
    return word(divide(product, limbs(m), false));
  }

  /** The quotient or the remainder of u / v; v must not be zero. */
  private static int[] divide(int[] u, int[] v, boolean quotient) {
    int n = significant(v);
    int m = significant(u);
    if (n == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (m < n) {
      return quotient ? new int[0] : u;
    }
    if (n == 1) {
      return divideBySingleLimb(u, m, v[0] & MASK, quotient);
    }
    int shift = Integer.numberOfLeadingZeros(v[n - 1]);
    int[] vn = shiftLeft(v, n, shift, n);
    int[] un = shiftLeft(u, m, shift, m + 1);
    int[] q = new int[m - n + 1];
    long vTop = vn[n - 1] & MASK;
    long vNext = vn[n - 2] & MASK;
    for (int j = m - n; j >= 0; j--) {
      long numerator = ((un[j + n] & MASK) << 32) | (un[j + n - 1] & MASK);
      long qhat = Long.divideUnsigned(numerator, vTop);
      long rhat = Long.remainderUnsigned(numerator, vTop);
      while (qhat > MASK
          || Long.compareUnsigned(qhat * vNext, (rhat << 32) | (un[j + n - 2] & MASK)) > 0) {
        qhat--;
        rhat += vTop;
        if (rhat > MASK) {
          break;
        }
      }
      long borrow = 0;
      for (int i = 0; i < n; i++) {
        long p = qhat * (vn[i] & MASK);
        long t = (un[i + j] & MASK) - borrow - (p & MASK);
        un[i + j] = (int) t;
        borrow = (p >>> 32) - (t >> 32);
      }
      long t = (un[j + n] & MASK) - borrow;
      un[j + n] = (int) t;
      if (t < 0) {
        // qhat was one too large: add the divisor back
        qhat--;
        long carry = 0;
        for (int i = 0; i < n; i++) {
          long s = (un[i + j] & MASK) + (vn[i] & MASK) + carry;
          un[i + j] = (int) s;
          carry = s >>> 32;
        }
        un[j + n] += (int) carry;
      }
      q[j] = (int) qhat;
    }
    if (quotient) {
      return q;
    }
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = shift == 0 ? un[i] : (un[i] >>> shift) | (un[i + 1] << (32 - shift));
    }
    return r;
  }

  private static int[] divideBySingleLimb(int[] u, int m, long divisor, boolean quotient) {
    int[] q = new int[m];
    long remainder = 0;
    for (int i = m - 1; i >= 0; i--) {
      long numerator = (remainder << 32) | (u[i] & MASK);
      q[i] = (int) Long.divideUnsigned(numerator, divisor);
      remainder = Long.remainderUnsigned(numerator, divisor);
    }
    return quotient ? q : new int[] {(int) remainder};
  }

  private static int[] shiftLeft(int[] x, int length, int shift, int resultLength) {
    int[] out = new int[resultLength];
    for (int i = 0; i < length; i++) {
      out[i] |= x[i] << shift;
      if (shift != 0 && i + 1 < resultLength) {
        out[i + 1] = x[i] >>> (32 - shift);
      }
    }
    return out;
  }

  private static int significant(int[] x) {
    int n = x.length;
    while (n > 0 && x[n - 1] == 0) {
      n--;
    }
    return n;
  }

  private static int[] limbs(UInt256 word) {
    Bytes32 bytes = word.toBytes();
    int[] limbs = new int[8];
    for (int i = 0; i < 8; i++) {
      limbs[i] = bytes.getInt(28 - 4 * i);
    }
    return limbs;
  }

  /** The low 256 bits of the limbs as a word. */
  private static UInt256 word(int[] limbs) {
    byte[] out = new byte[32];
    for (int i = 0; i < Math.min(8, limbs.length); i++) {
      int limb = limbs[i];
      int at = 28 - 4 * i;
      out[at] = (byte) (limb >>> 24);
      out[at + 1] = (byte) (limb >>> 16);
      out[at + 2] = (byte) (limb >>> 8);
      out[at + 3] = (byte) limb;
    }
    return UInt256.fromBytes(Bytes32.wrap(out));
  }
}
