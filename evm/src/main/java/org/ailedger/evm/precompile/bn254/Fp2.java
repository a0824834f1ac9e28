package org.ailedger.evm.precompile.bn254;

import java.math.BigInteger;

/** An element {@code re + im·i} of Fp[i]/(i² + 1), the field the G2 twist is defined over. */
public record Fp2(BigInteger re, BigInteger im) {
  static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
  static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);

  /** ξ = 9 + i, the non-residue the Fp6 and Fp12 extensions are built with. */
  static final Fp2 XI = new Fp2(BigInteger.valueOf(9), BigInteger.ONE);

  public Fp2 {
    if (re.signum() < 0 || re.compareTo(Fp.P) >= 0 || im.signum() < 0 || im.compareTo(Fp.P) >= 0) {
      throw new IllegalArgumentException("Fp2 coordinate out of range");
    }
  }

  boolean isZero() {
    return re.signum() == 0 && im.signum() == 0;
  }

  Fp2 add(Fp2 o) {
    return new Fp2(Fp.add(re, o.re), Fp.add(im, o.im));
  }

  Fp2 sub(Fp2 o) {
    return new Fp2(Fp.sub(re, o.re), Fp.sub(im, o.im));
  }

  Fp2 neg() {
    return new Fp2(Fp.neg(re), Fp.neg(im));
  }

  Fp2 mul(Fp2 o) {
    // Karatsuba: three products, one reduction each
    BigInteger reRe = re.multiply(o.re);
    BigInteger imIm = im.multiply(o.im);
    BigInteger cross = re.add(im).multiply(o.re.add(o.im));
    return new Fp2(reRe.subtract(imIm).mod(Fp.P), cross.subtract(reRe).subtract(imIm).mod(Fp.P));
  }

  Fp2 mul(BigInteger scalar) {
    return new Fp2(Fp.mul(re, scalar), Fp.mul(im, scalar));
  }

  Fp2 square() {
    // (a + bi)² = (a + b)(a − b) + 2ab·i
    return new Fp2(
        re.add(im).multiply(re.subtract(im)).mod(Fp.P), re.multiply(im).shiftLeft(1).mod(Fp.P));
  }

  Fp2 mulByXi() {
    // (a + bi)(9 + i) = (9a − b) + (a + 9b)i
    return new Fp2(
        re.multiply(BigInteger.valueOf(9)).subtract(im).mod(Fp.P),
        im.multiply(BigInteger.valueOf(9)).add(re).mod(Fp.P));
  }

  Fp2 conjugate() {
    return new Fp2(re, Fp.neg(im));
  }

  Fp2 inverse() {
    BigInteger norm = re.multiply(re).add(im.multiply(im)).mod(Fp.P);
    BigInteger normInverse = Fp.inv(norm);
    return new Fp2(Fp.mul(re, normInverse), Fp.mul(Fp.neg(im), normInverse));
  }

  Fp2 pow(BigInteger exponent) {
    Fp2 result = ONE;
    for (int bit = exponent.bitLength() - 1; bit >= 0; bit--) {
      result = result.square();
      if (exponent.testBit(bit)) {
        result = result.mul(this);
      }
    }
    return result;
  }
}
