package org.ailedger.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class PairingTest {
  // The generators as EIP-197 gives them (G2 coordinates imaginary part first).
  static final G1Point G1 = new G1Point(Fp.ONE, Fp.of(2));
  static final G2Point G2 =
      G2Point.decode(
              Bytes.fromHexString(
                  "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
                      + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
                      + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
                      + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa"))
          .orElseThrow();

  @Test
  void pairingIsBilinear() {
    BigInteger a = new BigInteger("123456789012345678901234567890");
    BigInteger b = new BigInteger("987654321098765432109876543210");
    Fp12 base = Pairing.pair(G1, G2);
    assertThat(base).isNotEqualTo(Fp12.ONE);
    assertThat(Pairing.pair(G1.multiply(a), G2.multiply(b)))
        .isEqualTo(base.pow(a.multiply(b).mod(G2Point.ORDER)));
    assertThat(Pairing.pair(G1.multiply(a), G2)).isEqualTo(Pairing.pair(G1, G2.multiply(a)));
  }

  @Test
  void finalExponentiationEqualsThePlainPowerByTheWholeExponent() {
    Fp12 f = Pairing.pair(G1, G2.multiply(BigInteger.valueOf(7))).mul(arbitrary());
    BigInteger p = Fp.P;
    BigInteger exponent = p.pow(12).subtract(BigInteger.ONE).divide(G2Point.ORDER);
    assertThat(Pairing.finalExponentiation(f)).isEqualTo(f.pow(exponent));
  }

  /** An element with every coefficient set, so no shortcut hides in zeros. */
  private static Fp12 arbitrary() {
    Fp2[] c = new Fp2[6];
    for (int i = 0; i < 6; i++) {
      c[i] = new Fp2(Fp.of(1000 + 17L * i), Fp.of(31 + 3L * i));
    }
    return new Fp12(new Fp6(c[0], c[1], c[2]), new Fp6(c[3], c[4], c[5]));
  }

  @Test
  void lineMultiplicationMatchesTheFullProduct() {
    Fp12 f = arbitrary();
    Fp c = Fp.of(12345);
    Fp2 a = new Fp2(Fp.of(7), Fp.of(11));
    Fp2 b = new Fp2(Fp.of(13), Fp.of(17));
    Fp12 line = new Fp12(new Fp6(new Fp2(c, Fp.ZERO), Fp2.ZERO, Fp2.ZERO), new Fp6(a, b, Fp2.ZERO));
    assertThat(f.mulByLine(c, a, b)).isEqualTo(f.mul(line));
  }

  @Test
  void squaringMatchesMultiplication() {
    Fp12 f = arbitrary();
    assertThat(f.square()).isEqualTo(f.mul(f));
  }

  @Test
  void pairingHasOrderR() {
    assertThat(Pairing.pair(G1, G2).pow(G2Point.ORDER)).isEqualTo(Fp12.ONE);
  }

  @Test
  void productOfMatchingPairsIsIdentity() {
    BigInteger a = BigInteger.valueOf(31337);
    BigInteger b = BigInteger.valueOf(4242);
    assertThat(
            Pairing.isIdentity(
                List.of(
                    new Pairing.Pair(G1.multiply(a), G2.multiply(b)),
                    new Pairing.Pair(G1.multiply(a.multiply(b)).negate(), G2))))
        .isTrue();
    assertThat(
            Pairing.isIdentity(
                List.of(
                    new Pairing.Pair(G1.multiply(a), G2.multiply(b)),
                    new Pairing.Pair(G1.multiply(a.multiply(b).add(BigInteger.ONE)).negate(), G2))))
        .isFalse();
  }

  @Test
  void generatorTimesOrderIsInfinity() {
    assertThat(G1.multiply(G2Point.ORDER).isInfinity()).isTrue();
    assertThat(G2.multiply(G2Point.ORDER).isInfinity()).isTrue();
    assertThat(G1.multiply(BigInteger.TWO)).isEqualTo(G1.add(G1));
    assertThat(G2.multiply(BigInteger.valueOf(3))).isEqualTo(G2.add(G2).add(G2));
  }
}
