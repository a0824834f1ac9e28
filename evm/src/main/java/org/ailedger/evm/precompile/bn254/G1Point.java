package org.ailedger.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * A point of BN254's G1, y² = x³ + 3 over Fp, in affine coordinates. The curve has prime order, so
 * every point on it is in the group. (0, 0) is not on the curve and stands for infinity, as in the
 * EIP-196 encoding.
 */
public record G1Point(BigInteger x, BigInteger y) {
  public static final G1Point INFINITY = new G1Point(BigInteger.ZERO, BigInteger.ZERO);
  private static final BigInteger B = BigInteger.valueOf(3);

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
    G1Point point = new G1Point(x, y);
    return point.isInfinity() || point.isOnCurve() ? Optional.of(point) : Optional.empty();
  }

  public Bytes encode() {
    return Bytes.concatenate(word(x), word(y));
  }

  public boolean isInfinity() {
    return x.signum() == 0 && y.signum() == 0;
  }

  boolean isOnCurve() {
    return Fp.mul(y, y).equals(Fp.add(Fp.mul(Fp.mul(x, x), x), B));
  }

  public G1Point negate() {
    return isInfinity() ? this : new G1Point(x, Fp.neg(y));
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
    BigInteger slope = Fp.mul(Fp.sub(o.y, y), Fp.inv(Fp.sub(o.x, x)));
    return through(slope, o.x);
  }

  G1Point doubled() {
    if (isInfinity() || y.signum() == 0) {
      return INFINITY;
    }
    BigInteger slope = Fp.mul(Fp.mul(B, Fp.mul(x, x)), Fp.inv(Fp.add(y, y)));
    return through(slope, x);
  }

  private G1Point through(BigInteger slope, BigInteger otherX) {
    BigInteger x3 = Fp.sub(Fp.sub(Fp.mul(slope, slope), x), otherX);
    return new G1Point(x3, Fp.sub(Fp.mul(slope, Fp.sub(x, x3)), y));
  }

  /**
   * Multiplies by any non-negative scalar, in Jacobian coordinates to avoid an inversion a step.
   */
  public G1Point multiply(BigInteger scalar) {
    if (scalar.signum() < 0) {
      throw new IllegalArgumentException("negative scalar");
    }
    BigInteger[] acc = {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO}; // infinity
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      acc = jacobianDouble(acc);
      if (scalar.testBit(bit)) {
        acc = jacobianAddAffine(acc);
      }
    }
    if (acc[2].signum() == 0) {
      return INFINITY;
    }
    BigInteger zInverse = Fp.inv(acc[2]);
    BigInteger zInverse2 = Fp.mul(zInverse, zInverse);
    return new G1Point(Fp.mul(acc[0], zInverse2), Fp.mul(acc[1], Fp.mul(zInverse2, zInverse)));
  }

  private static BigInteger[] jacobianDouble(BigInteger[] p) {
    if (p[2].signum() == 0 || p[1].signum() == 0) {
      return new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
    }
    BigInteger a = Fp.mul(p[0], p[0]);
    BigInteger b = Fp.mul(p[1], p[1]);
    BigInteger c = Fp.mul(b, b);
    BigInteger xb = Fp.add(p[0], b);
    BigInteger d = Fp.sub(Fp.sub(Fp.mul(xb, xb), a), c);
    d = Fp.add(d, d);
    BigInteger e = Fp.add(Fp.add(a, a), a);
    BigInteger f = Fp.mul(e, e);
    BigInteger x3 = Fp.sub(f, Fp.add(d, d));
    BigInteger c8 = c.shiftLeft(3).mod(Fp.P);
    BigInteger y3 = Fp.sub(Fp.mul(e, Fp.sub(d, x3)), c8);
    BigInteger z3 = Fp.mul(Fp.add(p[1], p[1]), p[2]);
    return new BigInteger[] {x3, y3, z3};
  }

  private BigInteger[] jacobianAddAffine(BigInteger[] p) {
    if (isInfinity()) {
      return p;
    }
    if (p[2].signum() == 0) {
      return new BigInteger[] {x, y, BigInteger.ONE};
    }
    BigInteger z1z1 = Fp.mul(p[2], p[2]);
    BigInteger u2 = Fp.mul(x, z1z1);
    BigInteger s2 = Fp.mul(y, Fp.mul(p[2], z1z1));
    BigInteger h = Fp.sub(u2, p[0]);
    BigInteger r = Fp.sub(s2, p[1]);
    if (h.signum() == 0) {
      return r.signum() == 0
          ? jacobianDouble(p)
          : new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
    }
    BigInteger hh = Fp.mul(h, h);
    BigInteger hhh = Fp.mul(h, hh);
    BigInteger v = Fp.mul(p[0], hh);
    BigInteger x3 = Fp.sub(Fp.sub(Fp.mul(r, r), hhh), Fp.add(v, v));
    BigInteger y3 = Fp.sub(Fp.mul(r, Fp.sub(v, x3)), Fp.mul(p[1], hhh));
    return new BigInteger[] {x3, y3, Fp.mul(p[2], h)};
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
