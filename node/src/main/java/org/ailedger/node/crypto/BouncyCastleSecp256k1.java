package org.ailedger.node.crypto;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Pure-Java secp256k1 on BouncyCastle: the fallback when the native library cannot load. Several
 * times slower than {@link NativeSecp256k1} (see the sender-recovery benchmark), but needs nothing
 * from the platform.
 */
public final class BouncyCastleSecp256k1 implements Secp256k1 {
  private static final BigInteger N = Secp256k1.CURVE_ORDER;

  @Override
  public Optional<Bytes> recoverPublicKey(
      Bytes32 messageHash, BigInteger r, BigInteger s, int recId) {
    if (recId != 0 && recId != 1) {
      throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recId);
    }
    if (!Secp256k1Curve.inScalarRange(r) || !Secp256k1Curve.inScalarRange(s)) {
      return Optional.empty();
    }
    // SEC 1 v2, 4.1.6: R is the curve point with x = r and the y parity given by recId; recovery
    // ids 2 and 3 (x = r + n) never occur because Ethereum only carries one parity bit.
    ECPoint bigR;
    try {
      byte[] compressed =
          Bytes.concatenate(Bytes.of((byte) (0x02 | recId)), Secp256k1Curve.word(r))
              .toArrayUnsafe();
      bigR = Secp256k1Curve.DOMAIN.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return Optional.empty();
    }
    BigInteger e = messageHash.toUnsignedBigInteger();
    BigInteger rInverse = r.modInverse(N);
    BigInteger u1 = e.negate().mod(N).multiply(rInverse).mod(N);
    BigInteger u2 = s.multiply(rInverse).mod(N);
    ECPoint q =
        ECAlgorithms.sumOfTwoMultiplies(Secp256k1Curve.DOMAIN.getG(), u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(Secp256k1Curve.withoutPrefix(q));
  }

  @Override
  public Bytes sign(Bytes32 messageHash, PrivateKey key) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(key.value(), Secp256k1Curve.DOMAIN));
    BigInteger[] rs = signer.generateSignature(messageHash.toArrayUnsafe());
    BigInteger r = rs[0];
    // (r, s) and (r, n - s) are both valid; EIP-2 accepts only the lower one.
    BigInteger s = rs[1].compareTo(HALF_CURVE_ORDER) > 0 ? N.subtract(rs[1]) : rs[1];
    Bytes expected = Secp256k1Curve.publicKeyOf(key.value()).bytes();
    for (int recId = 0; recId <= 1; recId++) {
      if (recoverPublicKey(messageHash, r, s, recId).filter(expected::equals).isPresent()) {
        return Secp256k1Curve.signatureBytes(r, s, recId);
      }
    }
    throw new IllegalStateException("no recovery id reproduces the signing key");
  }

  @Override
  public String name() {
    return "bouncycastle";
  }

  @Override
  public String toString() {
    return name();
  }
}
