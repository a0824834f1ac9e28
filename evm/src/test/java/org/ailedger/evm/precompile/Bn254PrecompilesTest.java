package org.ailedger.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * 0x06–0x08 against published vectors: go-ethereum's core/vm/testdata/precompiles/
 * bn256ScalarMul.json and bn256Pairing.json (originally from the Ethereum test suite), named as
 * there.
 */
class Bn254PrecompilesTest {
  private static final String G1 =
      "0000000000000000000000000000000000000000000000000000000000000001"
          + "0000000000000000000000000000000000000000000000000000000000000002";
  private static final String G1_DOUBLED =
      "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
          + "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4";
  private static final String G1_NEGATED =
      "0000000000000000000000000000000000000000000000000000000000000001"
          + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45";
  private static final String INFINITY_G1 = "00".repeat(64);
  private static final String P =
      "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47";
  // the G2 generator, each coordinate imaginary part first (EIP-197)
  private static final String G2 =
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
          + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
          + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
          + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";
  private static final String G2_NEGATED =
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
          + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
          + "275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec"
          + "1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d";
  private static final Bytes TRUE = Bytes.fromHexString("00".repeat(31) + "01");
  private static final Bytes FALSE = Bytes.wrap(new byte[32]);

  private final Bn254Add add = new Bn254Add();
  private final Bn254Mul mul = new Bn254Mul();
  private final Bn254Pairing pairing = new Bn254Pairing();

  @Test
  void addsPointsWithInfinityAsZeros() {
    assertThat(add.compute(Bytes.fromHexString(G1 + G1))).contains(Bytes.fromHexString(G1_DOUBLED));
    assertThat(add.compute(Bytes.fromHexString(G1 + INFINITY_G1)))
        .contains(Bytes.fromHexString(G1));
    assertThat(add.compute(Bytes.fromHexString(G1 + G1_NEGATED)))
        .contains(Bytes.fromHexString(INFINITY_G1));
    // an empty input is two points at infinity
    assertThat(add.compute(Bytes.EMPTY)).contains(Bytes.fromHexString(INFINITY_G1));
    assertThat(add.gasRequirement(Bytes.EMPTY)).isEqualTo(150);
  }

  @Test
  void addRejectsPointsOffTheCurveOrOutOfRange() {
    String offCurve = G1.substring(0, 126) + "03";
    assertThat(add.compute(Bytes.fromHexString(offCurve + G1))).isEmpty();
    // (1, 2 + p) is G1 if reduced, but coordinates must be below p
    String unreduced = G1.substring(0, 64) + P.substring(0, 62) + "49";
    assertThat(add.compute(Bytes.fromHexString(G1 + unreduced))).isEmpty();
  }

  @Test
  void multipliesByFullWidthScalars() {
    // "chfast1"
    assertThat(
            mul.compute(
                Bytes.fromHexString(
                    "2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb7"
                        + "21611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb204"
                        + "00000000000000000000000000000000000000000000000011138ce750fa15c2")))
        .contains(
            Bytes.fromHexString(
                "070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c"
                    + "031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc"));
    // "cdetrio1": the scalar 2²⁵⁶ − 1, above the group order
    assertThat(
            mul.compute(
                Bytes.fromHexString(
                    "1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe3"
                        + "1a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f6"
                        + "ff".repeat(32))))
        .contains(
            Bytes.fromHexString(
                "2cde5879ba6f13c0b5aa4ef627f159a3347df9722efce88a9afbb20b763b4c41"
                    + "1aa7e43076f6aee272755a7f9b84832e71559ba0d2e0b17d5f9f01755e5b0d11"));
    assertThat(mul.compute(Bytes.fromHexString(G1 + "00".repeat(31) + "02")))
        .contains(Bytes.fromHexString(G1_DOUBLED));
    assertThat(mul.compute(Bytes.fromHexString(G1))).contains(Bytes.fromHexString(INFINITY_G1));
    assertThat(mul.gasRequirement(Bytes.EMPTY)).isEqualTo(6000);
  }

  @Test
  void mulRejectsAPointOffTheCurve() {
    assertThat(
            mul.compute(Bytes.fromHexString(G1.substring(0, 126) + "03" + "00".repeat(31) + "02")))
        .isEmpty();
  }

  @Test
  void pairingChecksPublishedVectors() {
    // "jeff1": a Groth16-style check that holds
    String jeff1 =
        "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59"
            + "3034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41"
            + "209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf7"
            + "04bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678"
            + "2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d"
            + "120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550"
            + "111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c";
    assertThat(
            pairing.compute(
                Bytes.fromHexString(
                    jeff1
                        + "2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411"
                        + G2)))
        .contains(TRUE);
    // "jeff6": the same with the second G1 point changed, so the check fails
    assertThat(
            pairing.compute(
                Bytes.fromHexString(
                    jeff1
                        + "103188585e2364128fe25c70558f1560f4f9350baf3959e603cc91486e110936"
                        + G2)))
        .contains(FALSE);
    assertThat(pairing.gasRequirement(Bytes.fromHexString(jeff1 + "00".repeat(32) + G2)))
        .isEqualTo(113_000);
  }

  @Test
  void pairingOfAPointWithItsNegationIsTheIdentity() {
    // "two_point_match_2": e(G1, G2) · e(G1, −G2) = 1; "one_point": e(G1, G2) alone is not
    assertThat(pairing.compute(Bytes.fromHexString(G1 + G2 + G1 + G2_NEGATED))).contains(TRUE);
    assertThat(pairing.compute(Bytes.fromHexString(G1 + G2))).contains(FALSE);
    assertThat(pairing.compute(Bytes.fromHexString(G1_NEGATED + G2 + G1 + G2))).contains(TRUE);
  }

  @Test
  void emptyInputAndInfinityPairsAreTheIdentity() {
    assertThat(pairing.compute(Bytes.EMPTY)).contains(TRUE);
    assertThat(pairing.gasRequirement(Bytes.EMPTY)).isEqualTo(45_000);
    assertThat(pairing.compute(Bytes.fromHexString(INFINITY_G1 + G2))).contains(TRUE);
    assertThat(pairing.compute(Bytes.fromHexString(G1 + "00".repeat(128)))).contains(TRUE);
  }

  @Test
  void pairingRejectsPartialPairsAndInvalidPoints() {
    assertThat(pairing.compute(Bytes.fromHexString(G1 + G2 + "00"))).isEmpty();
    assertThat(pairing.compute(Bytes.fromHexString(G1 + G2).slice(0, 191))).isEmpty();
    assertThat(pairing.compute(Bytes.fromHexString(G1.substring(0, 126) + "03" + G2))).isEmpty();
    // a G2 coordinate equal to p
    assertThat(pairing.compute(Bytes.fromHexString(G1 + P + G2.substring(64)))).isEmpty();
    // a G2 point off the twist: the generator with one coordinate bumped
    assertThat(pairing.compute(Bytes.fromHexString(G1 + G2.substring(0, 254) + "ab"))).isEmpty();
  }
}
