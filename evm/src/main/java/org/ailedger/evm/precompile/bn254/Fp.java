package org.ailedger.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element of BN254's base field, held as four 64-bit limbs (least significant first) in
 * Montgomery form a·2²⁵⁶ mod p. BigInteger arithmetic spent most of the pairing's time reducing
 * products; Montgomery multiplication on limbs reduces without division. Values are always fully
 * reduced, so equal elements have equal limbs.
 */
record Fp(long l0, long l1, long l2, long l3) {
  /** The field modulus p. */
  static final BigInteger P =
      new BigInteger(
          "21888242871839275222246405745257275088696311157297823662689037894645226208583");

  private static final long[] MODULUS = limbs(P);

  /** −p⁻¹ mod 2⁶⁴, the Montgomery reduction constant. */
  private static final long M_PRIME = negativeInverse(MODULUS[0]);

  private static final BigInteger R = BigInteger.ONE.shiftLeft(256).mod(P);
  private static final BigInteger R_INVERSE = R.modInverse(P);

  static final Fp ZERO = new Fp(0, 0, 0, 0);
  static final Fp ONE = of(BigInteger.ONE);

  /** The element v, for 0 ≤ v < p. */
  static Fp of(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(P) >= 0) {
      throw new IllegalArgumentException("not a reduced field element");
    }
    long[] l = limbs(v.multiply(R).mod(P));
    return new Fp(l[0], l[1], l[2], l[3]);
  }

  static Fp of(long v) {
    return of(BigInteger.valueOf(v));
  }

  BigInteger toBigInteger() {
    BigInteger montgomery = BigInteger.ZERO;
    long[] l = {l0, l1, l2, l3};
    for (int i = 3; i >= 0; i--) {
      montgomery = montgomery.shiftLeft(64).or(unsigned(l[i]));
    }
    return montgomery.multiply(R_INVERSE).mod(P);
  }

  boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  Fp add(Fp o) {
    // both are below p < 2²⁵⁴, so the sum fits in four limbs
    long s0 = l0 + o.l0;
    long c = Long.compareUnsigned(s0, l0) < 0 ? 1 : 0;
    long s1 = l1 + o.l1 + c;
    c = carry(l1, o.l1, s1, c);
    long s2 = l2 + o.l2 + c;
    c = carry(l2, o.l2, s2, c);
    long s3 = l3 + o.l3 + c;
    return reduceOnce(s0, s1, s2, s3);
  }

  Fp sub(Fp o) {
    long d0 = l0 - o.l0;
    long b = Long.compareUnsigned(l0, o.l0) < 0 ? 1 : 0;
    long d1 = l1 - o.l1 - b;
    b = borrow(l1, o.l1, b);
    long d2 = l2 - o.l2 - b;
    b = borrow(l2, o.l2, b);
    long d3 = l3 - o.l3 - b;
    b = borrow(l3, o.l3, b);
    if (b == 0) {
      return new Fp(d0, d1, d2, d3);
    }
    // went below zero: add p back
    long s0 = d0 + MODULUS[0];
    long c = Long.compareUnsigned(s0, d0) < 0 ? 1 : 0;
    long s1 = d1 + MODULUS[1] + c;
    c = carry(d1, MODULUS[1], s1, c);
    long s2 = d2 + MODULUS[2] + c;
    c = carry(d2, MODULUS[2], s2, c);
    return new Fp(s0, s1, s2, d3 + MODULUS[3] + c);
  }

  Fp neg() {
    return isZero() ? this : ZERO.sub(this);
  }

  Fp dbl() {
    return add(this);
  }

  /** Montgomery multiplication, coarsely integrated operand scanning. */
  Fp mul(Fp o) {
    long[] a = {l0, l1, l2, l3};
    long[] b = {o.l0, o.l1, o.l2, o.l3};
    long[] t = new long[6];
    for (int i = 0; i < 4; i++) {
      long c = 0;
      for (int j = 0; j < 4; j++) {
        // t[j] + a[i]·b[j] + c fits in 128 bits
        long lo = a[i] * b[j];
        long hi = Math.unsignedMultiplyHigh(a[i], b[j]);
        lo += c;
        hi += Long.compareUnsigned(lo, c) < 0 ? 1 : 0;
        lo += t[j];
        hi += Long.compareUnsigned(lo, t[j]) < 0 ? 1 : 0;
        t[j] = lo;
        c = hi;
      }
      long sum = t[4] + c;
      t[5] = Long.compareUnsigned(sum, c) < 0 ? 1 : 0;
      t[4] = sum;

      long m = t[0] * M_PRIME;
      long lo = m * MODULUS[0];
      long hi = Math.unsignedMultiplyHigh(m, MODULUS[0]);
      lo += t[0];
      c = hi + (Long.compareUnsigned(lo, t[0]) < 0 ? 1 : 0);
      for (int j = 1; j < 4; j++) {
        lo = m * MODULUS[j];
        hi = Math.unsignedMultiplyHigh(m, MODULUS[j]);
        lo += c;
        hi += Long.compareUnsigned(lo, c) < 0 ? 1 : 0;
        lo += t[j];
        hi += Long.compareUnsigned(lo, t[j]) < 0 ? 1 : 0;
        t[j - 1] = lo;
        c = hi;
      }
      sum = t[4] + c;
      t[3] = sum;
      t[4] = t[5] + (Long.compareUnsigned(sum, c) < 0 ? 1 : 0);
    }
    // the result is below 2p; p < 2²⁵⁴ keeps it in four limbs, so t[4] is zero here
    return reduceOnce(t[0], t[1], t[2], t[3]);
  }

  Fp square() {
    return mul(this);
  }

  /** The inverse of a non-zero element; inversions are rare enough to go through BigInteger. */
  Fp inverse() {
    return of(toBigInteger().modInverse(P));
  }

  /** Subtracts p once if the value is at least p. */
  private static Fp reduceOnce(long s0, long s1, long s2, long s3) {
    long d0 = s0 - MODULUS[0];
    long b = Long.compareUnsigned(s0, MODULUS[0]) < 0 ? 1 : 0;
    long d1 = s1 - MODULUS[1] - b;
    b = borrow(s1, MODULUS[1], b);
    long d2 = s2 - MODULUS[2] - b;
    b = borrow(s2, MODULUS[2], b);
    long d3 = s3 - MODULUS[3] - b;
    b = borrow(s3, MODULUS[3], b);
    return b == 0 ? new Fp(d0, d1, d2, d3) : new Fp(s0, s1, s2, s3);
  }

  /** The carry out of x + y + carryIn = sum. */
  private static long carry(long x, long y, long sum, long carryIn) {
    return (Long.compareUnsigned(sum, x) < 0 || (carryIn == 1 && sum == x)) ? 1 : 0;
  }

  /** The borrow out of x − y − borrowIn. */
  private static long borrow(long x, long y, long borrowIn) {
    int cmp = Long.compareUnsigned(x, y);
    return (cmp < 0 || (cmp == 0 && borrowIn == 1)) ? 1 : 0;
  }

  private static long[] limbs(BigInteger v) {
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) {
      l[i] = v.shiftRight(64 * i).longValue();
    }
    return l;
  }

  private static BigInteger unsigned(long limb) {
    return BigInteger.valueOf(limb >>> 1).shiftLeft(1).or(BigInteger.valueOf(limb & 1));
  }

  private static long negativeInverse(long p0) {
    long inverse = 1;
    for (int i = 0; i < 6; i++) { // Newton's iteration doubles the correct low bits each step
      inverse *= 2 - p0 * inverse;
    }
    return -inverse;
  }
}
