package org.ailedger.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * A point of BN254's G2, taken on the sextic twist y² = x³ + 3/ξ over Fp2, in affine coordinates.
 * The twist's group is larger than G2, so decoding checks the subgroup too. (0, 0) stands for
 * infinity, as in the EIP-197 encoding.
 */
public record G2Point(Fp2 x, Fp2 y) {
  public static final G2Point INFINITY = new G2Point(Fp2.ZERO, Fp2.ZERO);

  /** The order of G1 and G2. */
  public static final BigInteger ORDER =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  /** 6u² for BN254's parameter u = 4965661367192848881. */
  private static final BigInteger SIX_U_SQUARED =
      BigInteger.valueOf(6).multiply(new BigInteger("4965661367192848881").pow(2));

  private static final Fp2 B = Fp2.ONE.mul(Fp.of(3)).mul(Fp2.XI.inverse());

  /**
   * Decodes four 32-byte words, each Fp2 coordinate imaginary part first (EIP-197); empty when a
   * word is out of range, the point is not on the twist or not in the order-{@link #ORDER} group.
   */
  public static Optional<G2Point> decode(Bytes encoded) {
    if (encoded.size() != 128) {
      throw new IllegalArgumentException("a G2 point is 128 bytes, got " + encoded.size());
    }
    BigInteger[] words = new BigInteger[4];
    for (int i = 0; i < 4; i++) {
      words[i] = encoded.slice(32 * i, 32).toUnsignedBigInteger();
      if (words[i].compareTo(Fp.P) >= 0) {
        return Optional.empty();
      }
    }
    G2Point point = new G2Point(Fp2.of(words[1], words[0]), Fp2.of(words[3], words[2]));
    if (point.isInfinity()) {
      return Optional.of(point);
    }
    return point.isOnCurve() && point.isInSubgroup() ? Optional.of(point) : Optional.empty();
  }

  /**
   * Whether this twist point has order r. Rather than multiplying by r (254 bits), it tests ψ(Q) =
   * [6u²]Q (128 bits), which holds exactly for the order-r points of BN254's twist (El Housni,
   * Guillevic and Piellard, "Co-factor clearing and subgroup membership testing on pairing-friendly
   * curves", 2022, §5.1).
   */
  boolean isInSubgroup() {
    return frobenius().equals(multiply(SIX_U_SQUARED));
  }

  public boolean isInfinity() {
    return x.isZero() && y.isZero();
  }

  boolean isOnCurve() {
    return y.square().equals(x.square().mul(x).add(B));
  }

  G2Point negate() {
    return isInfinity() ? this : new G2Point(x, y.neg());
  }

  G2Point add(G2Point o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    if (x.equals(o.x)) {
      return y.equals(o.y) ? doubled() : INFINITY;
    }
    return through(lineSlope(o), o.x);
  }

  G2Point doubled() {
    if (isInfinity() || y.isZero()) {
      return INFINITY;
    }
    return through(tangentSlope(), x);
  }

  /** The slope of the chord to a point with another x. */
  Fp2 lineSlope(G2Point o) {
    return o.y.sub(y).mul(o.x.sub(x).inverse());
  }

  /** The slope of the tangent here; y must not be zero. */
  Fp2 tangentSlope() {
    Fp2 xx = x.square();
    return xx.dbl().add(xx).mul(y.dbl().inverse());
  }

  /** The third point on the line of this slope through here and a point with x = otherX. */
  G2Point through(Fp2 slope, Fp2 otherX) {
    Fp2 x3 = slope.square().sub(x).sub(otherX);
    return new G2Point(x3, slope.mul(x.sub(x3)).sub(y));
  }

  /** The image of the p-power Frobenius of the untwisted point, mapped back onto the twist. */
  G2Point frobenius() {
    return new G2Point(
        x.conjugate().mul(Fp12.frobeniusGamma(2)), y.conjugate().mul(Fp12.frobeniusGamma(3)));
  }

  /** Multiplies by a non-negative scalar, in Jacobian coordinates to avoid an inversion a step. */
  G2Point multiply(BigInteger scalar) {
    if (scalar.signum() < 0) {
      throw new IllegalArgumentException("negative scalar");
    }
    Fp2[] acc = {Fp2.ONE, Fp2.ONE, Fp2.ZERO};
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      acc = jacobianDouble(acc);
      if (scalar.testBit(bit)) {
        acc = jacobianAddAffine(acc);
      }
    }
    if (acc[2].isZero()) {
      return INFINITY;
    }
    Fp2 zInverse = acc[2].inverse();
    Fp2 zInverse2 = zInverse.square();
    return new G2Point(acc[0].mul(zInverse2), acc[1].mul(zInverse2.mul(zInverse)));
  }

  private static Fp2[] jacobianDouble(Fp2[] p) {
    if (p[2].isZero() || p[1].isZero()) {
      return new Fp2[] {Fp2.ONE, Fp2.ONE, Fp2.ZERO};
    }
    Fp2 a = p[0].square();
    Fp2 b = p[1].square();
    Fp2 c = b.square();
    Fp2 d = p[0].add(b).square().sub(a).sub(c).dbl();
    Fp2 e = a.dbl().add(a);
    Fp2 x3 = e.square().sub(d.dbl());
    Fp2 y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
    Fp2 z3 = p[1].dbl().mul(p[2]);
    return new Fp2[] {x3, y3, z3};
  }

  private Fp2[] jacobianAddAffine(Fp2[] p) {
    if (isInfinity()) {
      return p;
    }
    if (p[2].isZero()) {
      return new Fp2[] {x, y, Fp2.ONE};
    }
    Fp2 z1z1 = p[2].square();
    Fp2 u2 = x.mul(z1z1);
    Fp2 s2 = y.mul(p[2].mul(z1z1));
    Fp2 h = u2.sub(p[0]);
    Fp2 r = s2.sub(p[1]);
    if (h.isZero()) {
      return r.isZero() ? jacobianDouble(p) : new Fp2[] {Fp2.ONE, Fp2.ONE, Fp2.ZERO};
    }
    Fp2 hh = h.square();
    Fp2 hhh = h.mul(hh);
    Fp2 v = p[0].mul(hh);
    Fp2 x3 = r.square().sub(hhh).sub(v.dbl());
    Fp2 y3 = r.mul(v.sub(x3)).sub(p[1].mul(hhh));
    return new Fp2[] {x3, y3, p[2].mul(h)};
  }
}
