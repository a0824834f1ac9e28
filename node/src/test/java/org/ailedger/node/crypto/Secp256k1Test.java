package org.ailedger.node.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour both implementations share, checked against each. */
class Secp256k1Test {
  private static final Bytes32 MESSAGE =
      Bytes32.fromHexString("0x9c22ff5f21f0b81b113e63f7db6da94fedef11b2119b4088b89664fb9a3cb658");

  static Stream<Secp256k1> implementations() {
    return Stream.of(NativeSecp256k1.load(), new BouncyCastleSecp256k1());
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void signatureRecoversTheSigningKey(Secp256k1 secp256k1) {
    KeyPair keys = KeyPair.of(PrivateKey.of(BigInteger.valueOf(123_456_789)));
    Bytes signature = secp256k1.sign(MESSAGE, keys.privateKey());

    assertThat(signature.size()).isEqualTo(Secp256k1.SIGNATURE_SIZE);
    assertThat(secp256k1.recoverPublicKey(MESSAGE, r(signature), s(signature), signature.get(64)))
        .contains(keys.publicKey().bytes());
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void otherRecoveryIdRecoversADifferentKey(Secp256k1 secp256k1) {
    KeyPair keys = KeyPair.of(PrivateKey.of(BigInteger.valueOf(42)));
    Bytes signature = secp256k1.sign(MESSAGE, keys.privateKey());
    assertThat(
            secp256k1.recoverPublicKey(MESSAGE, r(signature), s(signature), 1 - signature.get(64)))
        .isPresent()
        .isNotEqualTo(Optional.of(keys.publicKey().bytes()));
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void outOfRangeScalarsRecoverNothing(Secp256k1 secp256k1) {
    BigInteger n = Secp256k1.CURVE_ORDER;
    for (List<BigInteger> rs :
        List.of(
            List.of(BigInteger.ZERO, BigInteger.ONE), List.of(BigInteger.ONE, BigInteger.ZERO),
            List.of(n, BigInteger.ONE), List.of(BigInteger.ONE, n))) {
      assertThat(secp256k1.recoverPublicKey(MESSAGE, rs.get(0), rs.get(1), 0))
          .as("r, s = " + rs)
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void rThatIsNoCurveXCoordinateRecoversNothing(Secp256k1 secp256k1) {
    // x = 5: 5^3 + 7 = 132 is not a square modulo p, so no curve point has this x.
    assertThat(secp256k1.recoverPublicKey(MESSAGE, BigInteger.valueOf(5), BigInteger.ONE, 0))
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void pointAtInfinityRecoversNothing(Secp256k1 secp256k1) {
    // With R = kG, recovery yields r^-1 (s k - e) G, the point at infinity when e = s k mod n.
    BigInteger n = Secp256k1.CURVE_ORDER;
    BigInteger k = BigInteger.valueOf(7);
    BigInteger s = BigInteger.valueOf(11);
    ECPoint bigR = Secp256k1Curve.DOMAIN.getG().multiply(k).normalize();
    BigInteger r = bigR.getAffineXCoord().toBigInteger();
    int recId = bigR.getAffineYCoord().testBitZero() ? 1 : 0;
    Bytes32 e = Secp256k1Curve.word(s.multiply(k).mod(n));

    assertThat(secp256k1.recoverPublicKey(e, r, s, recId)).isEmpty();
    assertThat(secp256k1.recoverPublicKey(MESSAGE, r, s, recId)).isPresent();
  }

  @Test
  void bestPrefersTheNativeLibraryWhenItLoads() {
    assertThat(Secp256k1s.best()).isInstanceOf(NativeSecp256k1.class);
    assertThat(Secp256k1s.best()).isSameAs(Secp256k1s.best());
  }

  static BigInteger r(Bytes signature) {
    return signature.slice(0, 32).toUnsignedBigInteger();
  }

  static BigInteger s(Bytes signature) {
    return signature.slice(32, 32).toUnsignedBigInteger();
  }
}
