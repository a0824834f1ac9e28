package org.ailedger.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import ethereum.cryptography.LibEthKZG;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.MutableBytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PointEvaluationTest {
  // go-ethereum core/vm/testdata/precompiles/pointEvaluation.json, "pointEvaluation1", in the
  // version made with Ethereum's KZG ceremony setup (its earlier version used a test setup):
  // versioned hash, z, y, commitment, proof
  private static final Bytes VALID =
      Bytes.fromHexString(
          "01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b"
              + "564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306"
              + "24d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a1"
              + "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7"
              + "873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a");
  private static final Bytes SUCCESS =
      Bytes.fromHexString(
          "0000000000000000000000000000000000000000000000000000000000001000"
              + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");

  private static LibEthKZG kzg;
  private static PointEvaluation pointEvaluation;

  @BeforeAll
  static void loadTrustedSetup() {
    kzg = new LibEthKZG(false);
    pointEvaluation = new PointEvaluation(kzg);
  }

  @AfterAll
  static void freeTrustedSetup() {
    kzg.close();
  }

  @Test
  void aValidProofReturnsBlobSizeAndModulus() {
    assertThat(pointEvaluation.compute(VALID)).contains(SUCCESS);
    assertThat(pointEvaluation.gasRequirement(VALID)).isEqualTo(50_000);
  }

  @Test
  void aWrongClaimedValueFails() {
    assertThat(pointEvaluation.compute(flip(VALID, 95))).isEmpty(); // y
    assertThat(pointEvaluation.compute(flip(VALID, 63))).isEmpty(); // z
  }

  @Test
  void aVersionedHashThatDoesNotMatchTheCommitmentFails() {
    assertThat(pointEvaluation.compute(flip(VALID, 31))).isEmpty();
    MutableBytes wrongVersion = VALID.mutableCopy();
    wrongVersion.set(0, (byte) 0x02);
    assertThat(pointEvaluation.compute(wrongVersion)).isEmpty();
  }

  @Test
  void malformedPointsAndScalarsFail() {
    // a commitment not on the curve, with its versioned hash updated so only the point is wrong
    MutableBytes badCommitment = flip(VALID, 120).mutableCopy();
    Bytes hash = Sha256.digest(badCommitment.slice(96, 48));
    badCommitment.set(0, (byte) 0x01);
    hash.slice(1).copyTo(badCommitment, 1);
    assertThat(pointEvaluation.compute(badCommitment)).isEmpty();
    // z at the field modulus is not a canonical scalar
    MutableBytes unreducedZ = VALID.mutableCopy();
    Bytes.fromHexString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001")
        .copyTo(unreducedZ, 32);
    assertThat(pointEvaluation.compute(unreducedZ)).isEmpty();
  }

  @Test
  void inputMustBeExactly192Bytes() {
    assertThat(pointEvaluation.compute(VALID.slice(0, 191))).isEmpty();
    assertThat(pointEvaluation.compute(Bytes.concatenate(VALID, Bytes.of(0)))).isEmpty();
    assertThat(pointEvaluation.compute(Bytes.EMPTY)).isEmpty();
  }

  private static Bytes flip(Bytes input, int index) {
    MutableBytes copy = input.mutableCopy();
    copy.set(index, (byte) (copy.get(index) ^ 1));
    return copy;
  }
}
