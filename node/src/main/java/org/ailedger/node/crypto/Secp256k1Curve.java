package org.ailedger.node.crypto;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** The curve's BouncyCastle parameters, shared by the pure-Java paths of this package. */
final class Secp256k1Curve {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

  static final ECDomainParameters DOMAIN =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());

  private Secp256k1Curve() {}

  /** d·G, the public key of a private scalar. */
  static PublicKey publicKeyOf(BigInteger privateScalar) {
    ECPoint point =
        new FixedPointCombMultiplier().multiply(DOMAIN.getG(), privateScalar).normalize();
    return new PublicKey(withoutPrefix(point));
  }

  /** True when {@code value} is in [1, n), the range of r, s and private scalars. */
  static boolean inScalarRange(BigInteger value) {
    return value.signum() > 0 && value.compareTo(Secp256k1.CURVE_ORDER) < 0;
  }

  /** A non-negative value below 2^256 as 32 big-endian bytes. */
  static Bytes32 word(BigInteger value) {
    return Bytes32.leftPad(Bytes.wrap(value.toByteArray()).trimLeadingZeros());
  }

  /** The 65-byte r||s||recId layout of {@link Secp256k1#sign}. */
  static Bytes signatureBytes(BigInteger r, BigInteger s, int recId) {
    return Bytes.concatenate(word(r), word(s), Bytes.of((byte) recId));
  }

  /** The 64-byte x||y form of a normalized, finite point. */
  static Bytes withoutPrefix(ECPoint point) {
    byte[] encoded = point.getEncoded(false);
    return Bytes.wrap(encoded, 1, encoded.length - 1);
  }
}
