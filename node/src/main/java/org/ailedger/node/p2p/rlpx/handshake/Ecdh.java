package org.ailedger.node.p2p.rlpx.handshake;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.crypto.Secp256k1;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/** secp256k1 Diffie-Hellman as RLPx uses it: the shared point's raw x coordinate, 32 bytes. */
final class Ecdh {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

  private Ecdh() {}

  /**
   * The x coordinate of {@code privateKey · publicKey}, or empty when the public key is not a point
   * of the curve (a peer's key is input like any other).
   */
  static Optional<Bytes32> agree(PrivateKey privateKey, PublicKey publicKey) {
    ECCurve curve = CURVE.getCurve();
    ECPoint point;
    try {
      point = curve.decodePoint(Bytes.concatenate(Bytes.of(4), publicKey.bytes()).toArrayUnsafe());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    ECPoint shared = point.multiply(privateKey.value()).normalize();
    if (shared.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(
        Bytes32.leftPad(
            Bytes.wrap(shared.getAffineXCoord().toBigInteger().toByteArray()).trimLeadingZeros()));
  }

  /** A fresh random key pair, for ECIES and for a handshake's ephemeral key. */
  static KeyPair randomKeyPair(SecureRandom random) {
    while (true) {
      BigInteger candidate = new BigInteger(256, random);
      if (candidate.signum() > 0 && candidate.compareTo(Secp256k1.CURVE_ORDER) < 0) {
        return KeyPair.of(PrivateKey.of(candidate));
      }
    }
  }
}
