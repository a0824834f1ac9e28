package org.ailedger.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class G2SubgroupTest {
  private static final Fp2 TWIST_B = Fp2.ONE.mul(Fp.of(3)).mul(Fp2.XI.inverse());

  @Test
  void aTwistPointOutsideTheOrderRSubgroupIsRejected() {
    G2Point outside = firstTwistPointWithRealX();
    assertThat(outside.isOnCurve()).isTrue();
    // the twist has order r·(2p − r), so a point found this way is not in G2
    assertThat(outside.multiply(G2Point.ORDER).isInfinity()).isFalse();
    assertThat(G2Point.decode(encode(outside))).isEmpty();
    // while its multiple by the cofactor is, and decodes
    BigInteger cofactor = Fp.P.shiftLeft(1).subtract(G2Point.ORDER);
    G2Point inside = outside.multiply(cofactor);
    assertThat(inside.multiply(G2Point.ORDER).isInfinity()).isTrue();
    assertThat(G2Point.decode(encode(inside))).contains(inside);
  }

  @Test
  void endomorphismTestAgreesWithMultiplyingByTheOrder() {
    // points of every small order-cofactor mix: outside, and outside plus a G2 point
    G2Point outside = firstTwistPointWithRealX();
    G2Point g2 = PairingTest.G2;
    for (int k = 1; k <= 5; k++) {
      G2Point inside = g2.multiply(BigInteger.valueOf(k));
      G2Point mixed = outside.multiply(BigInteger.valueOf(k)).add(inside);
      assertThat(inside.isInSubgroup()).isTrue();
      assertThat(mixed.isInSubgroup()).isEqualTo(mixed.multiply(G2Point.ORDER).isInfinity());
      assertThat(mixed.isInSubgroup()).isFalse();
    }
  }

  private static G2Point firstTwistPointWithRealX() {
    for (int k = 1; ; k++) {
      Fp2 x = new Fp2(Fp.of(k), Fp.ZERO);
      Fp2 rhs = x.square().mul(x).add(TWIST_B);
      Optional<Fp2> y = squareRoot(rhs);
      if (y.isPresent()) {
        return new G2Point(x, y.get());
      }
    }
  }

  /** A square root in Fp2 for p ≡ 3 (mod 4), when one exists. */
  private static Optional<Fp2> squareRoot(Fp2 a) {
    Fp2 a1 = a.pow(Fp.P.subtract(BigInteger.valueOf(3)).shiftRight(2));
    Fp2 alpha = a1.square().mul(a);
    Fp2 x0 = a1.mul(a);
    Fp2 minusOne = Fp2.ONE.neg();
    Fp2 candidate =
        alpha.equals(minusOne)
            ? x0.mul(new Fp2(Fp.ZERO, Fp.ONE))
            : Fp2.ONE.add(alpha).pow(Fp.P.subtract(BigInteger.ONE).shiftRight(1)).mul(x0);
    return candidate.square().equals(a) ? Optional.of(candidate) : Optional.empty();
  }

  private static Bytes encode(G2Point point) {
    return Bytes.concatenate(
        G1Point.word(point.x().im().toBigInteger()),
        G1Point.word(point.x().re().toBigInteger()),
        G1Point.word(point.y().im().toBigInteger()),
        G1Point.word(point.y().re().toBigInteger()));
  }
}
