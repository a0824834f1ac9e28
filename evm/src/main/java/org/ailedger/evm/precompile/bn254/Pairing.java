package org.ailedger.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.List;

/**
 * The optimal ate pairing of BN254, as far as EIP-197 needs it: whether a product of pairings is
 * the identity. Each pair's Miller loop runs separately and one final exponentiation serves them
 * all.
 */
public final class Pairing {
  /** 6u + 2 for BN254's parameter u = 4965661367192848881: the Miller loop's length. */
  private static final BigInteger LOOP_COUNT = new BigInteger("29793968203157093288");

  /** BN254's curve parameter u. */
  private static final BigInteger U = new BigInteger("4965661367192848881");

  private Pairing() {}

  /** A G1 point and a G2 point to pair. */
  public record Pair(G1Point p, G2Point q) {}

  /** True when the product of e(p, q) over the pairs is 1 (so also for no pairs). */
  public static boolean isIdentity(List<Pair> pairs) {
    Fp12 product = Fp12.ONE;
    for (Pair pair : pairs) {
      if (!pair.p().isInfinity() && !pair.q().isInfinity()) {
        product = product.mul(millerLoop(pair.p(), pair.q()));
      }
    }
    return finalExponentiation(product).equals(Fp12.ONE);
  }

  /** e(p, q) itself; exposed for tests of bilinearity. */
  static Fp12 pair(G1Point p, G2Point q) {
    if (p.isInfinity() || q.isInfinity()) {
      return Fp12.ONE;
    }
    return finalExponentiation(millerLoop(p, q));
  }

  private static Fp12 millerLoop(G1Point p, G2Point q) {
    Fp12 f = Fp12.ONE;
    G2Point t = q;
    for (int bit = LOOP_COUNT.bitLength() - 2; bit >= 0; bit--) {
      Fp2 tangent = t.tangentSlope();
      f = timesLine(f.square(), tangent, t, p);
      t = t.through(tangent, t.x());
      if (LOOP_COUNT.testBit(bit)) {
        f = timesChord(f, t, q, p);
        t = t.add(q);
      }
    }
    G2Point q1 = q.frobenius();
    G2Point q2 = q1.frobenius().negate();
    f = timesChord(f, t, q1, p);
    t = t.add(q1);
    return timesChord(f, t, q2, p);
  }

  /**
   * f times the line through t and u evaluated at p. Points of the twist differ in x here for any
   * valid input; the vertical line is kept for completeness (the final exponentiation erases it).
   */
  private static Fp12 timesChord(Fp12 f, G2Point t, G2Point u, G1Point p) {
    if (t.x().equals(u.x())) {
      if (t.y().equals(u.y())) {
        return timesLine(f, t.tangentSlope(), t, p);
      }
      // x_P − x_T·w²
      return f.mul(new Fp12(new Fp6(new Fp2(p.x(), Fp.ZERO), t.x().neg(), Fp2.ZERO), Fp6.ZERO));
    }
    return timesLine(f, t.lineSlope(u), t, p);
  }

  /**
   * f times the line of the given twist slope through t, at p. Untwisting maps (x, y) to (x·w²,
   * y·w³), so the slope becomes slope·w and the line is y_P − slope·x_P·w + (slope·x_T − y_T)·w³.
   */
  private static Fp12 timesLine(Fp12 f, Fp2 slope, G2Point t, G1Point p) {
    return f.mulByLine(p.y(), slope.mul(p.x()).neg(), slope.mul(t.x()).sub(t.y()));
  }

  /**
   * Raises to (p¹² − 1) / r: first p⁶ − 1 and p² + 1 by conjugation and Frobenius, then the hard
   * part (p⁴ − p² + 1) / r, written in base p with coefficients that are polynomials in u (Scott et
   * al., "On the final exponentiation for calculating pairings on ordinary elliptic curves", 2009),
   * so three 63-bit powers by u replace one 762-bit power.
   */
  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 easy = f.conjugate().mul(f.inverse());
    easy = easy.frobenius().frobenius().mul(easy);
    return hardPart(easy);
  }

  /** The hard part for an element of the cyclotomic subgroup, where inversion is conjugation. */
  private static Fp12 hardPart(Fp12 f) {
    Fp12 fu = f.pow(U);
    Fp12 fu2 = fu.pow(U);
    Fp12 fu3 = fu2.pow(U);
    Fp12 fp = f.frobenius();
    Fp12 fp2 = fp.frobenius();
    Fp12 fp3 = fp2.frobenius();
    Fp12 y0 = fp.mul(fp2).mul(fp3);
    Fp12 y1 = f.conjugate();
    Fp12 y2 = fu2.frobenius().frobenius();
    Fp12 y3 = fu.frobenius().conjugate();
    Fp12 y4 = fu.mul(fu2.frobenius()).conjugate();
    Fp12 y5 = fu2.conjugate();
    Fp12 y6 = fu3.mul(fu3.frobenius()).conjugate();
    Fp12 t0 = y6.square().mul(y4).mul(y5);
    Fp12 t1 = y3.mul(y5).mul(t0);
    t0 = t0.mul(y2);
    t1 = t1.square().mul(t0).square();
    t0 = t1.mul(y1);
    t1 = t1.mul(y0);
    return t1.mul(t0.square());
  }
}
