package org.ailedger.evm.precompile.bn254;

import java.math.BigInteger;

/** An element {@code re + im·i} of Fp[i]/(i² + 1), the field the G2 twist is defined over. */
public record Fp2(Fp re, Fp im) {
  static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);

  /** ξ = 9 + i, the non-residue the Fp6 and Fp12 extensions are built with. */
  static final Fp2 XI = new Fp2(Fp.of(9), Fp.ONE);

  static Fp2 of(BigInteger re, BigInteger im) {
    return new Fp2(Fp.of(re), Fp.of(im));
  }

  boolean isZero() {
    return re.isZero() && im.isZero();
  }

  Fp2 add(Fp2 o) {
    return new Fp2(re.add(o.re), im.add(o.im));
  }

  Fp2 sub(Fp2 o) {
    return new Fp2(re.sub(o.re), im.sub(o.im));
  }

  Fp2 neg() {
    return new Fp2(re.neg(), im.neg());
  }

  Fp2 dbl() {
    return new Fp2(re.dbl(), im.dbl());
  }

  Fp2 mul(Fp2 o) {
    // Karatsuba: three products instead of four
    Fp reRe = re.mul(o.re);
    Fp imIm = im.mul(o.im);
    Fp cross = re.add(im).mul(o.re.add(o.im));
    return new Fp2(reRe.sub(imIm), cross.sub(reRe).sub(imIm));
  }

  Fp2 mul(Fp scalar) {
    return new Fp2(re.mul(scalar), im.mul(scalar));
  }

  Fp2 square() {
    // (a + bi)² = (a + b)(a − b) + 2ab·i
    return new Fp2(re.add(im).mul(re.sub(im)), re.mul(im).dbl());
  }

  Fp2 mulByXi() {
    // (a + bi)(9 + i) = (9a − b) + (a + 9b)i
    return new Fp2(nine(re).sub(im), nine(im).add(re));
  }

  private static Fp nine(Fp a) {
    return a.dbl().dbl().dbl().add(a);
  }

  Fp2 conjugate() {
    return new Fp2(re, im.neg());
  }

  Fp2 inverse() {
    Fp normInverse = re.square().add(im.square()).inverse();
    return new Fp2(re.mul(normInverse), im.neg().mul(normInverse));
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
