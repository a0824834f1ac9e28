package org.ailedger.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element {@code c0 + c1·w} of Fp6[w]/(w² − v), the field the pairing lands in. Since v = w² and
 * v³ = ξ, w⁶ = ξ: the coefficients of c0 sit at w⁰, w², w⁴ and those of c1 at w¹, w³, w⁵.
 */
record Fp12(Fp6 c0, Fp6 c1) {
  static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

  /** γ[k] = ξ^(k(p−1)/6): the p-power Frobenius maps w^k to γ[k]·w^k. */
  private static final Fp2[] FROBENIUS_GAMMA = frobeniusGamma();

  private static Fp2[] frobeniusGamma() {
    Fp2 step = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6)));
    Fp2[] gamma = new Fp2[6];
    gamma[0] = Fp2.ONE;
    for (int k = 1; k < 6; k++) {
      gamma[k] = gamma[k - 1].mul(step);
    }
    return gamma;
  }

  static Fp2 frobeniusGamma(int k) {
    return FROBENIUS_GAMMA[k];
  }

  Fp12 mul(Fp12 o) {
    Fp6 t0 = c0.mul(o.c0);
    Fp6 t1 = c1.mul(o.c1);
    Fp6 cross = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), cross);
  }

  /**
   * Multiplies by c + a·w + b·w³ with c in Fp, the shape of a Miller-loop line: (c, 0, 0) and (a,
   * b, 0) as Fp6 halves.
   */
  Fp12 mulByLine(Fp c, Fp2 a, Fp2 b) {
    return new Fp12(
        c0.mul(c).add(c1.mulBySparse(a, b).mulByV()), c0.mulBySparse(a, b).add(c1.mul(c)));
  }

  Fp12 square() {
    // (a + b·w)² = a² + b²·v + 2ab·w, with a² + b²·v = (a + b)(a + b·v) − ab − ab·v
    Fp6 ab = c0.mul(c1);
    Fp6 real = c0.add(c1).mul(c0.add(c1.mulByV())).sub(ab).sub(ab.mulByV());
    return new Fp12(real, ab.add(ab));
  }

  /** The conjugate over Fp6; for elements of the cyclotomic subgroup it is the inverse. */
  Fp12 conjugate() {
    return new Fp12(c0, c1.neg());
  }

  Fp12 inverse() {
    Fp6 norm = c0.mul(c0).sub(c1.mul(c1).mulByV());
    Fp6 normInverse = norm.inverse();
    return new Fp12(c0.mul(normInverse), c1.neg().mul(normInverse));
  }

  /** Raises to the power p, a field automorphism that is cheap in this basis. */
  Fp12 frobenius() {
    return new Fp12(
        new Fp6(
            c0.c0().conjugate(),
            c0.c1().conjugate().mul(FROBENIUS_GAMMA[2]),
            c0.c2().conjugate().mul(FROBENIUS_GAMMA[4])),
        new Fp6(
            c1.c0().conjugate().mul(FROBENIUS_GAMMA[1]),
            c1.c1().conjugate().mul(FROBENIUS_GAMMA[3]),
            c1.c2().conjugate().mul(FROBENIUS_GAMMA[5])));
  }

  Fp12 pow(BigInteger exponent) {
    Fp12 result = ONE;
    for (int bit = exponent.bitLength() - 1; bit >= 0; bit--) {
      result = result.square();
      if (exponent.testBit(bit)) {
        result = result.mul(this);
      }
    }
    return result;
  }
}
