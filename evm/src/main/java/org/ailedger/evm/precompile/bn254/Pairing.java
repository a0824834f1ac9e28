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

  /** (p⁴ − p² + 1) / r, the part of the final exponent that Frobenius maps cannot do cheaply. */
  private static final BigInteger HARD_EXPONENT =
      Fp.P.pow(4).subtract(Fp.P.pow(2)).add(BigInteger.ONE).divide(G2Point.ORDER);

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
      f = f.square().mul(line(tangent, t, p));
      t = t.through(tangent, t.x());
      if (LOOP_COUNT.testBit(bit)) {
        f = f.mul(chord(t, q, p));
        t = t.add(q);
      }
    }
    G2Point q1 = q.frobenius();
    G2Point q2 = q1.frobenius().negate();
    f = f.mul(chord(t, q1, p));
    t = t.add(q1);
    return f.mul(chord(t, q2, p));
  }

  /**
   * The line through t and u evaluated at p. Points of the twist differ in x here for any valid
   * input; the vertical line is kept for completeness (the final exponentiation erases it).
   */
  private static Fp12 chord(G2Point t, G2Point u, G1Point p) {
    if (t.x().equals(u.x())) {
      if (t.y().equals(u.y())) {
        return line(t.tangentSlope(), t, p);
      }
      // x_P − x_T·w²
      return new Fp12(new Fp6(new Fp2(p.x(), BigInteger.ZERO), t.x().neg(), Fp2.ZERO), Fp6.ZERO);
    }
    return line(t.lineSlope(u), t, p);
  }

  /**
   * The line of the given twist slope through t, at p. Untwisting maps (x, y) to (x·w², y·w³), so
   * the slope becomes slope·w and the line is y_P − slope·x_P·w + (slope·x_T − y_T)·w³.
   */
  private static Fp12 line(Fp2 slope, G2Point t, G1Point p) {
    return new Fp12(
        new Fp6(new Fp2(p.y(), BigInteger.ZERO), Fp2.ZERO, Fp2.ZERO),
        new Fp6(slope.mul(p.x()).neg(), slope.mul(t.x()).sub(t.y()), Fp2.ZERO));
  }

  /**
   * Raises to (p¹² − 1) / r: first p⁶ − 1 and p² + 1 by conjugation and Frobenius, then the rest.
   */
  private static Fp12 finalExponentiation(Fp12 f) {
    Fp12 easy = f.conjugate().mul(f.inverse());
    easy = easy.frobenius().frobenius().mul(easy);
    return easy.pow(HARD_EXPONENT);
  }
}
