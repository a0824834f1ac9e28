package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.claim;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.id;
import static org.ailedger.precompiles.provenance.TypedDataSigner.attestation;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.StructuredDataEncoder;

/** The contract's own EIP-712 hashing agrees with web3j's implementation of the standard. */
class AttestationTest {
  private static final long CHAIN = TypedDataSigner.CHAIN_ID;

  private static Bytes32 ours(Attestation attestation, long chainId) {
    return attestation.digest(Eip712Domain.provenance(chainId));
  }

  @Test
  void typeStringsAreTheOnesTheDesignFixes() {
    assertThat(Attestation.TYPE)
        .isEqualTo(
            "Attestation(address owner,bytes32 datasetId,bytes32 contentHash,string uri,"
                + "string license,bytes32[] parents,uint256 nonce,uint256 deadline)");
    assertThat(Attestation.TYPE_HASH)
        .isEqualTo(Bytes32.fromHexString(Hash.sha3String(Attestation.TYPE)));
    assertThat(Eip712Domain.TYPE)
        .isEqualTo(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
  }

  @Test
  void typeHashMatchesWeb3jEncodingOfTheJsonType() throws IOException {
    Attestation attestation = attestation(OWNER, claim("a"), 0, 1);
    StructuredDataEncoder encoder =
        new StructuredDataEncoder(TypedDataSigner.json(attestation, CHAIN, DataProvenance.ADDRESS));

    assertThat(encoder.encodeType("Attestation")).isEqualTo(Attestation.TYPE);
    assertThat(Bytes32.wrap(encoder.typeHash("Attestation"))).isEqualTo(Attestation.TYPE_HASH);
  }

  @Test
  void domainSeparatorMatchesWeb3j() throws IOException {
    Attestation attestation = attestation(OWNER, claim("a"), 0, 1);
    StructuredDataEncoder encoder =
        new StructuredDataEncoder(TypedDataSigner.json(attestation, CHAIN, DataProvenance.ADDRESS));

    assertThat(Eip712Domain.provenance(CHAIN).separator())
        .isEqualTo(Bytes32.wrap(encoder.hashDomain()));
  }

  @Test
  void digestWithoutParentsMatchesWeb3j() {
    Attestation attestation = attestation(OWNER, claim("root"), 0, 1_800_000_000L);

    assertThat(ours(attestation, CHAIN))
        .isEqualTo(TypedDataSigner.web3jDigest(attestation, CHAIN, DataProvenance.ADDRESS));
  }

  @Test
  void digestWithSeveralParentsMatchesWeb3j() {
    DatasetClaim claim = claim("derived", id("p1"), id("p2"), id("p3"));
    Attestation attestation = attestation(OWNER, claim, 7, 1_800_000_000L);

    assertThat(ours(attestation, CHAIN))
        .isEqualTo(TypedDataSigner.web3jDigest(attestation, CHAIN, DataProvenance.ADDRESS));
  }

  @Test
  void digestOfLongAndNonAsciiTextMatchesWeb3j() {
    DatasetClaim claim =
        new DatasetClaim(
            id("x"),
            id("content"),
            "https://data.example/σύνολο/" + "x".repeat(200),
            "licence “research only” ✓",
            List.of(id("p")));
    Attestation attestation = new Attestation(OWNER, claim, UInt256.valueOf(3), UInt256.MAX_VALUE);

    assertThat(ours(attestation, CHAIN))
        .isEqualTo(TypedDataSigner.web3jDigest(attestation, CHAIN, DataProvenance.ADDRESS));
  }

  @Test
  void everyFieldChangesTheDigest() {
    Attestation base = attestation(OWNER, claim("a", id("p")), 0, 100);
    DatasetClaim c = base.claim();
    List<Attestation> variants =
        List.of(
            attestation(Address.of(1), c, 0, 100),
            attestation(
                OWNER,
                new DatasetClaim(id("b"), c.contentHash(), c.uri(), c.license(), c.parents()),
                0,
                100),
            attestation(
                OWNER,
                new DatasetClaim(c.datasetId(), id("other"), c.uri(), c.license(), c.parents()),
                0,
                100),
            attestation(
                OWNER,
                new DatasetClaim(
                    c.datasetId(), c.contentHash(), "ipfs://x", c.license(), c.parents()),
                0,
                100),
            attestation(
                OWNER,
                new DatasetClaim(c.datasetId(), c.contentHash(), c.uri(), "MIT", c.parents()),
                0,
                100),
            attestation(
                OWNER,
                new DatasetClaim(c.datasetId(), c.contentHash(), c.uri(), c.license(), List.of()),
                0,
                100),
            attestation(OWNER, c, 1, 100),
            attestation(OWNER, c, 0, 101));

    Bytes32 digest = ours(base, CHAIN);
    for (Attestation variant : variants) {
      assertThat(ours(variant, CHAIN)).as(variant.toString()).isNotEqualTo(digest);
    }
  }

  @Test
  void chainIdAndContractBindTheDigest() {
    Attestation attestation = attestation(OWNER, claim("a"), 0, 100);
    Bytes32 digest = ours(attestation, CHAIN);

    assertThat(ours(attestation, CHAIN + 1)).isNotEqualTo(digest);
    assertThat(
            attestation.digest(
                new Eip712Domain(
                    Eip712Domain.NAME, Eip712Domain.VERSION, CHAIN, Address.of(0x1001))))
        .isNotEqualTo(digest);
  }

  @Test
  void digestIsPrefixedKeccakOfSeparatorAndStructHash() {
    Attestation attestation = attestation(OWNER, claim("a"), 0, 100);
    Eip712Domain domain = Eip712Domain.provenance(CHAIN);

    Bytes preimage =
        Bytes.concatenate(
            Bytes.fromHexString("0x1901"), domain.separator(), attestation.structHash());
    assertThat(attestation.digest(domain))
        .isEqualTo(Bytes32.wrap(Hash.sha3(preimage.toArrayUnsafe())));
  }
}
