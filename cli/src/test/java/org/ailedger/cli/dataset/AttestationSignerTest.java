package org.ailedger.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.precompiles.provenance.Attestation;
import org.ailedger.precompiles.provenance.DatasetClaim;
import org.ailedger.precompiles.provenance.Eip712Domain;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class AttestationSignerTest {
  private static final KeyPair OWNER = DevAccounts.account(4);
  private static final DatasetClaim CLAIM =
      new DatasetClaim(
          Bytes32.repeat((byte) 1),
          Bytes32.repeat((byte) 2),
          "s3://data",
          "CC-BY-4.0",
          List.of(Bytes32.repeat((byte) 3)));

  @Test
  void theSignatureRecoversToTheOwnerOverTheContractsDigest() {
    AttestationSigner.Signed signed =
        AttestationSigner.sign(
            OWNER, CLAIM, UInt256.valueOf(7), UInt256.valueOf(1_800_000_000L), 1337);

    Bytes32 expected =
        new Attestation(OWNER.address(), CLAIM, UInt256.valueOf(7), UInt256.valueOf(1_800_000_000L))
            .digest(Eip712Domain.provenance(1337));
    assertThat(signed.digest()).isEqualTo(expected);
    assertThat(recover(signed.signature(), signed.digest()))
        .isEqualTo(OWNER.address().toHexString());
  }

  @Test
  void theSignatureIsRsvWithVOf27Or28AndLowS() {
    Bytes signature =
        AttestationSigner.sign(OWNER, CLAIM, UInt256.ZERO, UInt256.ONE, 1337).signature();

    assertThat(signature.size()).isEqualTo(65);
    assertThat(signature.get(64) & 0xff).isIn(27, 28);
    assertThat(signature.slice(32, 32).toUnsignedBigInteger())
        .isLessThanOrEqualTo(Secp256k1.HALF_CURVE_ORDER);
  }

  @Test
  void anotherChainGivesAnotherDigest() {
    assertThat(AttestationSigner.sign(OWNER, CLAIM, UInt256.ZERO, UInt256.ONE, 1337).digest())
        .isNotEqualTo(
            AttestationSigner.sign(OWNER, CLAIM, UInt256.ZERO, UInt256.ONE, 1338).digest());
  }

  private static String recover(Bytes signature, Bytes32 digest) {
    BigInteger r = signature.slice(0, 32).toUnsignedBigInteger();
    BigInteger s = signature.slice(32, 32).toUnsignedBigInteger();
    BigInteger publicKey =
        Sign.recoverFromSignature(
            (signature.get(64) & 0xff) - 27, new ECDSASignature(r, s), digest.toArrayUnsafe());
    return "0x" + Keys.getAddress(publicKey);
  }
}
