package org.ailedger.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * A point of BN254's G1, y² = x³ + 3 over Fp, in affine coordinates. The curve has prime order, so
 * every point on it is in the group. (0, 0) is not on the curve and stands for infinity, as in the
 * EIP-196 encoding.
 */
public record G1Point(Fp x, Fp y) {
  public static final G1Point INFINITY = new G1Point(Fp.ZERO, Fp.ZERO);
  private static final Fp B = Fp.of(3);

  /** Decodes two 32-byte big-endian coordinates; empty when out of range or not on the curve. */
  public static Optional<G1Point> decode(Bytes encoded) {
    if (encoded.size() != 64) {
      throw new IllegalArgumentException("a G1 point is 64 bytes, got " + encoded.size());
    }
    BigInteger x = encoded.slice(0, 32).toUnsignedBigInteger();
    BigInteger y = encoded.slice(32, 32).toUnsignedBigInteger();
    if (x.compareTo(Fp.P) >= 0 || y.compareTo(Fp.P) >= 0) {
      return Optional.empty();
    }
    G1Point point = new G1Point(Fp.of(x), Fp.of(y));
    return point.isInfinity() || point.isOnCurve() ? Optional.of(point) : Optional.empty();
  }

  public Bytes encode() {
    return Bytes.concatenate(word(x.toBigInteger()), word(y.toBigInteger()));
  }

  public boolean isInfinity() {
    return x.isZero() && y.isZero();
  }

  boolean isOnCurve() {
    return y.square().equals(x.square().mul(x).add(B));
  }

  public G1Point negate() {
    return isInfinity() ? this : new G1Point(x, y.neg());
  }

  public G1Point add(G1Point o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    if (x.equals(o.x)) {
      return y.equals(o.y) ? doubled() : INFINITY;
    }
    Fp slope = o.y.sub(y).mul(o.x.sub(x).inverse());
    return through(slope, o.x);
  }

  G1Point doubled() {
    if (isInfinity() || y.isZero()) {
      return INFINITY;
    }
    Fp xx = x.square();
    Fp slope = xx.dbl().add(xx).mul(y.dbl().inverse());
    return through(slope, x);
  }

  private G1Point through(Fp slope, Fp otherX) {
    Fp x3 = slope.square().sub(x).sub(otherX);
    return new G1Point(x3, slope.mul(x.sub(x3)).sub(y));
  }

  /**
   * Multiplies by any non-negative scalar, in Jacobian coordinates to avoid an inversion a step.
   */
  public G1Point multiply(BigInteger scalar) {
    if (scalar.signum() < 0) {
      throw new IllegalArgumentException("negative scalar");
    }
    Fp[] acc = {Fp.ONE, Fp.ONE, Fp.ZERO}; // infinity
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      acc = jacobianDouble(acc);
      if (scalar.testBit(bit)) {
        acc = jacobianAddAffine(acc);
      }
    }
    if (acc[2].isZero()) {
      return INFINITY;
    }
    Fp zInverse = acc[2].inverse();
    Fp zInverse2 = zInverse.square();
    return new G1Point(acc[0].mul(zInverse2), acc[1].mul(zInverse2.mul(zInverse)));
  }

  private static Fp[] jacobianDouble(Fp[] p) {
    if (p[2].isZero() || p[1].isZero()) {
      return new Fp[] {Fp.ONE, Fp.ONE, Fp.ZERO};
    }
    Fp a = p[0].square();
    Fp b = p[1].square();
    Fp c = b.square();
    Fp d = p[0].add(b).square().sub(a).sub(c).dbl();
    Fp e = a.dbl().add(a);
    Fp x3 = e.square().sub(d.dbl());
    Fp y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
    Fp z3 = p[1].dbl().mul(p[2]);
    return new Fp[] {x3, y3, z3};
  }

  private Fp[] jacobianAddAffine(Fp[] p) {
    if (isInfinity()) {
      return p;
    }
    if (p[2].isZero()) {
      return new Fp[] {x, y, Fp.ONE};
    }
    Fp z1z1 = p[2].square();
    Fp u2 = x.mul(z1z1);
    Fp s2 = y.mul(p[2].mul(z1z1));
    Fp h = u2.sub(p[0]);
    Fp r = s2.sub(p[1]);
    if (h.isZero()) {
      return r.isZero() ? jacobianDouble(p) : new Fp[] {Fp.ONE, Fp.ONE, Fp.ZERO};
    }
    Fp hh = h.square();
    Fp hhh = h.mul(hh);
    Fp v = p[0].mul(hh);
    Fp x3 = r.square().sub(hhh).sub(v.dbl());
    Fp y3 = r.mul(v.sub(x3)).sub(p[1].mul(hhh));
    return new Fp[] {x3, y3, p[2].mul(h)};
  }

  /** A field element as a 32-byte big-endian word. */
  static Bytes word(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, out, 32 - length, length);
    return Bytes.wrap(out);
  }
}
