package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.ailedger.precompiles.provenance.SignatureRecovery.Recovery;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;

class SignatureRecoveryTest {
  private static final Bytes32 DIGEST = Bytes32.wrap(Hash.sha3("a digest".getBytes()));
  private static final BigInteger N = SignatureRecovery.CURVE_ORDER;

  /** The secp256k1 field prime and generator x coordinate (SEC 2, section 2.4.1). */
  private static final BigInteger P =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16);

  private static final BigInteger GX =
      new BigInteger("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798", 16);

  private static Bytes signed(Bytes32 digest) {
    Sign.SignatureData data = Sign.signMessage(digest.toArrayUnsafe(), OWNER_KEY, false);
    return Bytes.concatenate(
        Bytes.wrap(data.getR()), Bytes.wrap(data.getS()), Bytes.wrap(data.getV()));
  }

  private static Bytes signature(BigInteger r, BigInteger s, int v) {
    return Bytes.concatenate(
        UInt256.valueOf(r).toBytes(), UInt256.valueOf(s).toBytes(), Bytes.of((byte) v));
  }

  private static Recovery refused(SignatureDefect defect) {
    return new Recovery.Refused(defect);
  }

  @Test
  void recoversTheSignerOfAWeb3jSignature() {
    assertThat(SignatureRecovery.recover(signed(DIGEST), DIGEST))
        .isEqualTo(new Recovery.Recovered(OWNER));
  }

  @Test
  void recoveryIdMayBeGivenAsZeroOrOne() {
    Bytes signature = signed(DIGEST);
    Bytes zeroBased =
        Bytes.concatenate(signature.slice(0, 64), Bytes.of((byte) (signature.get(64) - 27)));

    assertThat(SignatureRecovery.recover(zeroBased, DIGEST))
        .isEqualTo(new Recovery.Recovered(OWNER));
  }

  @Test
  void anotherDigestRecoversAnotherAccount() {
    Bytes32 other = Bytes32.wrap(Hash.sha3("another digest".getBytes()));

    assertThat(SignatureRecovery.recover(signed(DIGEST), other))
        .isInstanceOf(Recovery.Recovered.class)
        .isNotEqualTo(new Recovery.Recovered(OWNER));
  }

  @Test
  void signatureOfWrongLengthIsRefused() {
    Bytes signature = signed(DIGEST);

    for (Bytes wrong :
        new Bytes[] {
          Bytes.EMPTY, signature.slice(0, 64), Bytes.concatenate(signature, Bytes.of(0))
        }) {
      assertThat(SignatureRecovery.recover(wrong, DIGEST))
          .isEqualTo(refused(SignatureDefect.WRONG_LENGTH));
    }
  }

  @Test
  void recoveryIdOutsideZeroOneTwentySevenTwentyEightIsRefused() {
    Bytes signature = signed(DIGEST);

    for (int v : new int[] {2, 3, 26, 29, 35, 255}) {
      Bytes withV = Bytes.concatenate(signature.slice(0, 64), Bytes.of((byte) v));
      assertThat(SignatureRecovery.recover(withV, DIGEST))
          .as("v = %d", v)
          .isEqualTo(refused(SignatureDefect.INVALID_V));
    }
  }

  @Test
  void rOutsideOneToOrderIsRefused() {
    for (BigInteger r : new BigInteger[] {BigInteger.ZERO, N, N.add(BigInteger.ONE)}) {
      assertThat(SignatureRecovery.recover(signature(r, BigInteger.ONE, 27), DIGEST))
          .isEqualTo(refused(SignatureDefect.R_OUT_OF_RANGE));
    }
  }

  @Test
  void sOutsideOneToOrderIsRefused() {
    for (BigInteger s : new BigInteger[] {BigInteger.ZERO, N, N.add(BigInteger.ONE)}) {
      assertThat(SignatureRecovery.recover(signature(GX, s, 27), DIGEST))
          .isEqualTo(refused(SignatureDefect.S_OUT_OF_RANGE));
    }
  }

  @Test
  void highSIsRefusedFromJustAboveHalfTheOrder() {
    BigInteger half = N.shiftRight(1);

    assertThat(SignatureRecovery.recover(signature(GX, half.add(BigInteger.ONE), 27), DIGEST))
        .isEqualTo(refused(SignatureDefect.HIGH_S));
    assertThat(SignatureRecovery.recover(signature(GX, half, 27), DIGEST))
        .isInstanceOf(Recovery.Recovered.class);
  }

  @Test
  void rThatIsNoCurvePointsXCoordinateRecoversNobody() {
    BigInteger x = BigInteger.ONE;
    while (isOnCurve(x)) {
      x = x.add(BigInteger.ONE);
    }

    assertThat(SignatureRecovery.recover(signature(x, BigInteger.ONE, 27), DIGEST))
        .isEqualTo(refused(SignatureDefect.NO_SIGNER));
  }

  @Test
  void signatureRecoveringThePointAtInfinityRecoversNobody() {
    // R = G and s = e make s·R − e·G the point at infinity, which is no public key
    Bytes32 digest = UInt256.ONE.toBytes();

    assertThat(SignatureRecovery.recover(signature(GX, BigInteger.ONE, 27), digest))
        .isEqualTo(refused(SignatureDefect.NO_SIGNER));
  }

  /** Whether x³ + 7 is a square modulo p, i.e. x is the x coordinate of a curve point. */
  private static boolean isOnCurve(BigInteger x) {
    BigInteger rhs = x.pow(3).add(BigInteger.valueOf(7)).mod(P);
    return rhs.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
  }
}
