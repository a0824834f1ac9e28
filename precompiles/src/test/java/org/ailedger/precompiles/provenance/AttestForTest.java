package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.provenance.DataProvenanceTest.topic;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OTHER_OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OTHER_OWNER_KEY;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OUTSIDER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OUTSIDER_KEY;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OWNER_KEY;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.RELAYER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.claim;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.id;
import static org.ailedger.precompiles.provenance.ProvenanceHarness.succeeded;
import static org.ailedger.precompiles.provenance.TypedDataSigner.attestation;
import static org.ailedger.precompiles.provenance.TypedDataSigner.sign;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.MutableBytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Relayed attestations: the owner signs the EIP-712 Attestation with standard tooling (web3j's
 * typed-data encoder), anyone submits it.
 */
class AttestForTest {
  private final ProvenanceHarness chain = new ProvenanceHarness();
  private final long deadline = chain.timestamp + 3_600;

  private String dataset(String label) {
    return "signature for dataset " + id(label).toHexString();
  }

  @Test
  void validSignatureRecordsTheOwnerNotTheRelayer() {
    Attestation attestation = attestation(OWNER, claim("relayed"), 0, deadline);

    CallOutcome outcome =
        succeeded(chain.attestFor(RELAYER, attestation, sign(OWNER_KEY, attestation)));

    assertThat(chain.dataset(id("relayed")).owner()).isEqualTo(OWNER);
    assertThat(chain.nonce(OWNER)).isEqualTo(BigInteger.ONE);
    assertThat(chain.nonce(RELAYER)).isEqualTo(BigInteger.ZERO);
    assertThat(outcome.logs()).hasSize(2);
    assertThat(outcome.logs().get(0).topics())
        .containsExactly(
            topic("DatasetAttested(bytes32,address,bytes32,string,string,bytes32[])"),
            id("relayed"),
            OWNER.toWord());
    assertThat(outcome.logs().get(1))
        .isEqualTo(
            new Log(
                DataProvenance.ADDRESS,
                java.util.List.of(
                    topic("AttestationRelayed(bytes32,address,address,uint256)"),
                    id("relayed"),
                    OWNER.toWord(),
                    RELAYER.toWord()),
                UInt256.ZERO.toBytes()));
  }

  @Test
  void nextSignatureUsesTheIncrementedNonce() {
    Attestation first = attestation(OWNER, claim("first"), 0, deadline);
    succeeded(chain.attestFor(RELAYER, first, sign(OWNER_KEY, first)));
    Attestation second = attestation(OWNER, claim("second", id("first")), 1, deadline);

    CallOutcome outcome = succeeded(chain.attestFor(RELAYER, second, sign(OWNER_KEY, second)));

    assertThat(outcome.logs().get(1).data()).isEqualTo(UInt256.ONE.toBytes());
    assertThat(chain.nonce(OWNER)).isEqualTo(BigInteger.TWO);
    assertThat(chain.parentsOf(id("second"))).containsExactly(id("first"));
  }

  @Test
  void ownerMayRelayItsOwnSignature() {
    Attestation attestation = attestation(OWNER, claim("self"), 0, deadline);

    succeeded(chain.attestFor(OWNER, attestation, sign(OWNER_KEY, attestation)));

    assertThat(chain.dataset(id("self")).owner()).isEqualTo(OWNER);
  }

  @Test
  void recoveryIdAsZeroOrOneIsAccepted() {
    Attestation attestation = attestation(OWNER, claim("v01"), 0, deadline);
    MutableBytes signature = sign(OWNER_KEY, attestation).mutableCopy();
    signature.set(64, (byte) (signature.get(64) - 27));

    succeeded(chain.attestFor(RELAYER, attestation, signature));
  }

  @Test
  void deadlineEqualToBlockTimeIsStillValid() {
    Attestation attestation = attestation(OWNER, claim("last-second"), 0, chain.timestamp);

    succeeded(chain.attestFor(RELAYER, attestation, sign(OWNER_KEY, attestation)));
  }

  // ---- refusals: each names the problem and changes nothing (the nonce included)

  @Test
  void expiredDeadlineIsRefused() {
    Attestation attestation = attestation(OWNER, claim("late"), 0, chain.timestamp - 1);
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attestFor(RELAYER, attestation, sign(OWNER_KEY, attestation));

    chain.assertRefused(
        before, outcome, dataset("late") + " expired at 1699999999; block time is 1700000000");
  }

  @Test
  void signatureBySomeoneElseIsRefused() {
    Attestation attestation = attestation(OWNER, claim("forged"), 0, deadline);
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attestFor(RELAYER, attestation, sign(OTHER_OWNER_KEY, attestation));

    chain.assertRefused(
        before,
        outcome,
        dataset("forged")
            + " is not by owner "
            + OWNER
            + " over its Attestation at nonce 0 (it recovers to "
            + OTHER_OWNER
            + ")");
  }

  @Test
  void replayedSignatureIsRefusedBecauseItsNonceIsUsed() {
    Attestation attestation = attestation(OWNER, claim("once"), 0, deadline);
    Bytes signature = sign(OWNER_KEY, attestation);
    succeeded(chain.attestFor(RELAYER, attestation, signature));
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attestFor(RELAYER, attestation, signature);

    chain.assertRefused(before, outcome, outcome.revertReason().orElseThrow());
    assertThat(outcome.revertReason().orElseThrow())
        .startsWith(
            dataset("once") + " is not by owner " + OWNER + " over its Attestation at nonce 1");
  }

  @Test
  void signatureForAnotherChainIsRefused() {
    Attestation attestation = attestation(OWNER, claim("elsewhere"), 0, deadline);
    Bytes signature =
        sign(OWNER_KEY, attestation, TypedDataSigner.CHAIN_ID + 1, DataProvenance.ADDRESS);
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attestFor(RELAYER, attestation, signature);

    chain.assertRefused(before, outcome, outcome.revertReason().orElseThrow());
    assertThat(outcome.revertReason().orElseThrow()).contains("is not by owner " + OWNER);
  }

  @Test
  void fieldChangedByTheRelayerIsRefused() {
    Attestation signed = attestation(OWNER, claim("honest"), 0, deadline);
    DatasetClaim c = signed.claim();
    Attestation altered =
        new Attestation(
            OWNER,
            new DatasetClaim(
                c.datasetId(), c.contentHash(), "ipfs://elsewhere", c.license(), c.parents()),
            signed.nonce(),
            signed.deadline());
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attestFor(RELAYER, altered, sign(OWNER_KEY, signed));

    chain.assertRefused(before, outcome, outcome.revertReason().orElseThrow());
    assertThat(outcome.revertReason().orElseThrow()).contains("is not by owner " + OWNER);
  }

  @Test
  void ownerThatIsNotPermittedIsRefused() {
    Attestation attestation = attestation(OUTSIDER, claim("outside"), 0, deadline);
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attestFor(RELAYER, attestation, sign(OUTSIDER_KEY, attestation));

    chain.assertRefused(before, outcome, "owner " + OUTSIDER + " is not a permitted account");
  }

  @Test
  void highSFormOfAValidSignatureIsRefused() throws Exception {
    Attestation attestation = attestation(OWNER, claim("malleable"), 0, deadline);
    Bytes low = sign(OWNER_KEY, attestation);
    BigInteger s = low.slice(32, 32).toUnsignedBigInteger();
    byte flippedV = (byte) (low.get(64) == 27 ? 28 : 27);
    Bytes high =
        Bytes.concatenate(
            low.slice(0, 32),
            UInt256.valueOf(SignatureRecovery.CURVE_ORDER.subtract(s)).toBytes(),
            Bytes.of(flippedV));
    // the high-s twin is a mathematically valid signature by the same key
    Sign.SignatureData twin =
        new Sign.SignatureData(flippedV, high.slice(0, 32).toArray(), high.slice(32, 32).toArray());
    Bytes32 digest =
        TypedDataSigner.web3jDigest(attestation, TypedDataSigner.CHAIN_ID, DataProvenance.ADDRESS);
    assertThat(
            Address.fromHex(Keys.getAddress(Sign.signedMessageHashToKey(digest.toArray(), twin))))
        .isEqualTo(OWNER);
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attestFor(RELAYER, attestation, high);

    chain.assertRefused(
        before,
        outcome,
        dataset("malleable") + " is invalid: " + SignatureDefect.HIGH_S.description());
  }

  @Test
  void malformedSignaturesAreRefusedWithTheirDefect() {
    Attestation attestation = attestation(OWNER, claim("garbled"), 0, deadline);
    Bytes good = sign(OWNER_KEY, attestation);
    InMemorySlotStore before = chain.store.copy();

    chain.assertRefused(
        before,
        chain.attestFor(RELAYER, attestation, good.slice(0, 64)),
        dataset("garbled") + " is invalid: a signature has 65 bytes (r, s, v)");
    chain.assertRefused(
        before,
        chain.attestFor(RELAYER, attestation, Bytes.concatenate(good.slice(0, 64), Bytes.of(29))),
        dataset("garbled") + " is invalid: v must be 27 or 28 (or 0 or 1)");
    chain.assertRefused(
        before,
        chain.attestFor(RELAYER, attestation, Bytes.concatenate(Bytes32.ZERO, good.slice(32))),
        dataset("garbled") + " is invalid: r must be between 1 and the secp256k1 order minus 1");
    chain.assertRefused(
        before,
        chain.attestFor(RELAYER, attestation, Bytes.wrap(new byte[65])),
        dataset("garbled") + " is invalid: r must be between 1 and the secp256k1 order minus 1");
    Bytes orderAsS = UInt256.valueOf(SignatureRecovery.CURVE_ORDER).toBytes();
    chain.assertRefused(
        before,
        chain.attestFor(
            RELAYER, attestation, Bytes.concatenate(good.slice(0, 32), orderAsS, good.slice(64))),
        dataset("garbled") + " is invalid: s must be between 1 and the secp256k1 order minus 1");
  }

  @Test
  void validSignatureDoesNotBypassTheAttestationRules() {
    Attestation attestation = attestation(OWNER, claim("orphan", id("ghost")), 0, deadline);
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attestFor(RELAYER, attestation, sign(OWNER_KEY, attestation));

    chain.assertRefused(
        before,
        outcome,
        "parent "
            + id("ghost").toHexString()
            + " of dataset "
            + id("orphan").toHexString()
            + " does not exist");
    assertThat(chain.nonce(OWNER)).isEqualTo(BigInteger.ZERO);
  }

  @Test
  void relayingCostsTheSignatureRecovery() {
    Attestation attestation = attestation(OWNER, claim("priced"), 0, deadline);
    CallOutcome relayed =
        succeeded(chain.attestFor(RELAYER, attestation, sign(OWNER_KEY, attestation)));
    CallOutcome direct = succeeded(chain.attest(OWNER, claim("direct")));

    assertThat(relayed.gasUsed() - direct.gasUsed())
        .isGreaterThan(DataProvenance.SIGNATURE_RECOVERY_GAS);
  }
}
