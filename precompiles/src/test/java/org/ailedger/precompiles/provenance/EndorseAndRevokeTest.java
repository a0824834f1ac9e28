package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.provenance.DataProvenanceTest.topic;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.AUDITOR;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.AUDITOR_2;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OTHER_OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.STRANGER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.claim;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.id;
import static org.ailedger.precompiles.provenance.ProvenanceHarness.abi;
import static org.ailedger.precompiles.provenance.ProvenanceHarness.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auditors endorse datasets; owners and auditors revoke them. */
class EndorseAndRevokeTest {
  private static final Bytes32 DATA = id("data");
  private static final Bytes32 REASON = id("poisoned: label flipping found in audit 12");

  private final ProvenanceHarness chain = new ProvenanceHarness();

  @BeforeEach
  void attestData() {
    chain.attested(OWNER, claim("data"));
  }

  // ---- endorse

  @Test
  void auditorEndorsementIsCountedAndAnnounced() {
    CallOutcome outcome = succeeded(chain.endorse(AUDITOR, DATA));

    assertThat(outcome.logs())
        .containsExactly(
            new Log(
                DataProvenance.ADDRESS,
                List.of(topic("DatasetEndorsed(bytes32,address)"), DATA, AUDITOR.toWord()),
                org.apache.tuweni.bytes.Bytes.EMPTY));
    assertThat(chain.dataset(DATA).endorsements()).isEqualTo(1);
    assertThat(chain.viewBool("hasEndorsed", abi(DATA), abi(AUDITOR))).isTrue();
    assertThat(chain.viewBool("hasEndorsed", abi(DATA), abi(AUDITOR_2))).isFalse();
  }

  @Test
  void eachAuditorCountsOnce() {
    succeeded(chain.endorse(AUDITOR, DATA));
    succeeded(chain.endorse(AUDITOR_2, DATA));

    assertThat(chain.dataset(DATA).endorsements()).isEqualTo(2);
  }

  @Test
  void endorsementByNonAuditorIsRefused() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.endorse(STRANGER, DATA);

    chain.assertRefused(before, outcome, "caller " + STRANGER + " lacks role AUDITOR");
  }

  @Test
  void secondEndorsementBySameAuditorIsRefused() {
    succeeded(chain.endorse(AUDITOR, DATA));
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.endorse(AUDITOR, DATA);

    chain.assertRefused(
        before,
        outcome,
        "auditor " + AUDITOR + " has already endorsed dataset " + DATA.toHexString());
  }

  @Test
  void endorsementOfUnknownDatasetIsRefused() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.endorse(AUDITOR, id("ghost"));

    chain.assertRefused(
        before, outcome, "dataset " + id("ghost").toHexString() + " does not exist");
  }

  @Test
  void revokedDatasetCannotBeEndorsed() {
    succeeded(chain.revoke(OWNER, DATA, REASON));
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.endorse(AUDITOR, DATA);

    chain.assertRefused(
        before, outcome, "dataset " + DATA.toHexString() + " is revoked and cannot be endorsed");
  }

  @Test
  void auditorCannotEndorseItsOwnDataset() {
    chain.attested(AUDITOR, claim("audited-by-itself"));
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.endorse(AUDITOR, id("audited-by-itself"));

    chain.assertRefused(
        before,
        outcome,
        "auditor "
            + AUDITOR
            + " owns dataset "
            + id("audited-by-itself").toHexString()
            + " and cannot endorse it");
  }

  // ---- revoke

  @Test
  void ownerRevokesWithAReasonHash() {
    CallOutcome outcome = succeeded(chain.revoke(OWNER, DATA, REASON));

    assertThat(outcome.logs()).hasSize(1);
    Log log = outcome.logs().get(0);
    assertThat(log.topics())
        .containsExactly(topic("DatasetRevoked(bytes32,address,bytes32)"), DATA, OWNER.toWord());
    assertThat(log.data()).isEqualTo(REASON);
    assertThat(chain.dataset(DATA).revoked()).isTrue();
    assertThat(chain.isTainted(DATA)).isTrue();
    assertThat(chain.taintSource(DATA)).isEqualTo(DATA);
  }

  @Test
  void auditorRevokesSomeoneElsesDataset() {
    CallOutcome outcome = succeeded(chain.revoke(AUDITOR, DATA, REASON));

    assertThat(outcome.logs().get(0).topics().get(2)).isEqualTo(AUDITOR.toWord());
    assertThat(chain.dataset(DATA).revoked()).isTrue();
  }

  @Test
  void revocationByStrangerIsRefused() {
    InMemorySlotStore before = chain.store.copy();

    chain.assertRefused(
        before,
        chain.revoke(STRANGER, DATA, REASON),
        "caller "
            + STRANGER
            + " is neither the owner of dataset "
            + DATA.toHexString()
            + " nor an AUDITOR");
    chain.assertRefused(
        before,
        chain.revoke(OTHER_OWNER, DATA, REASON),
        "caller "
            + OTHER_OWNER
            + " is neither the owner of dataset "
            + DATA.toHexString()
            + " nor an AUDITOR");
  }

  @Test
  void secondRevocationIsRefused() {
    succeeded(chain.revoke(OWNER, DATA, REASON));
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.revoke(AUDITOR, DATA, id("again"));

    chain.assertRefused(before, outcome, "dataset " + DATA.toHexString() + " is already revoked");
  }

  @Test
  void revocationOfUnknownDatasetIsRefused() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.revoke(OWNER, id("ghost"), REASON);

    chain.assertRefused(
        before, outcome, "dataset " + id("ghost").toHexString() + " does not exist");
  }

  @Test
  void endorsementsSurviveRevocationInTheRecord() {
    succeeded(chain.endorse(AUDITOR, DATA));
    succeeded(chain.revoke(AUDITOR_2, DATA, REASON));

    Dataset dataset = chain.dataset(DATA);
    assertThat(dataset.endorsements()).isEqualTo(1);
    assertThat(dataset.revoked()).isTrue();
  }
}
