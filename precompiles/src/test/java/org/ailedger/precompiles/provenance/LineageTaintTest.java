package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.provenance.ProvenanceFixtures.AUDITOR;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OTHER_OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.claim;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.id;
import static org.ailedger.precompiles.provenance.ProvenanceHarness.abi;
import static org.ailedger.precompiles.provenance.ProvenanceHarness.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import org.ailedger.precompiles.CallOutcome;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Revocation taints descendants; taint checks walk lineage within a bound and pay per hop. */
class LineageTaintTest {
  private static final Bytes32 REASON = id("reason");

  private final ProvenanceHarness chain = new ProvenanceHarness();

  /**
   *
   *
   * <pre>
   *   root ── a ── b ── c        (c is a's grandchild)
   *     └──── sibling ── cousin
   * </pre>
   */
  private void attestFamily() {
    chain.attested(OWNER, claim("root"));
    chain.attested(OWNER, claim("a", id("root")));
    chain.attested(OTHER_OWNER, claim("b", id("a")));
    chain.attested(OWNER, claim("c", id("b")));
    chain.attested(OTHER_OWNER, claim("sibling", id("root")));
    chain.attested(OWNER, claim("cousin", id("sibling")));
  }

  @Test
  void revokingGrandparentTaintsGrandchildButNotSiblingBranch() {
    attestFamily();

    succeeded(chain.revoke(OWNER, id("a"), REASON));

    assertThat(chain.isTainted(id("c"))).isTrue();
    assertThat(chain.taintSource(id("c"))).isEqualTo(id("a"));
    assertThat(chain.isTainted(id("b"))).isTrue();
    assertThat(chain.isTainted(id("a"))).isTrue();
    assertThat(chain.isTainted(id("root"))).isFalse();
    assertThat(chain.isTainted(id("sibling"))).isFalse();
    assertThat(chain.isTainted(id("cousin"))).isFalse();
    assertThat(chain.taintSource(id("cousin"))).isEqualTo(Bytes32.ZERO);
  }

  @Test
  void nothingIsTaintedBeforeARevocation() {
    attestFamily();

    for (String label : new String[] {"root", "a", "b", "c", "sibling", "cousin"}) {
      assertThat(chain.isTainted(id(label))).as(label).isFalse();
    }
  }

  @Test
  void revokingTheRootTaintsEveryDescendant() {
    attestFamily();

    succeeded(chain.revoke(AUDITOR, id("root"), REASON));

    for (String label : new String[] {"root", "a", "b", "c", "sibling", "cousin"}) {
      assertThat(chain.taintSource(id(label))).as(label).isEqualTo(id("root"));
    }
  }

  @Test
  void nearestRevokedAncestorIsReported() {
    attestFamily();
    succeeded(chain.revoke(OWNER, id("root"), REASON));
    succeeded(chain.revoke(OTHER_OWNER, id("b"), REASON));

    assertThat(chain.taintSource(id("c"))).isEqualTo(id("b"));
    assertThat(chain.taintSource(id("a"))).isEqualTo(id("root"));
  }

  @Test
  void childOfARevokedDatasetIsTaintedFromTheStart() {
    chain.attested(OWNER, claim("bad"));
    succeeded(chain.revoke(OWNER, id("bad"), REASON));

    chain.attested(OTHER_OWNER, claim("built-on-bad", id("bad")));

    assertThat(chain.taintSource(id("built-on-bad"))).isEqualTo(id("bad"));
  }

  @Test
  void sharedAncestorsAreVisitedOncePerWalk() {
    // 60 levels of two datasets, each citing both of the level below: 2^60 paths, 121 datasets
    chain.attested(OWNER, claim("base"));
    Bytes32 left = id("base");
    Bytes32 right = id("base");
    for (int level = 0; level < 60; level++) {
      chain.attested(OWNER, claim("l" + level, distinct(left, right)));
      chain.attested(OWNER, claim("r" + level, distinct(left, right)));
      left = id("l" + level);
      right = id("r" + level);
    }
    chain.attested(OWNER, claim("top", left, right));

    assertThat(chain.isTainted(id("top"))).isFalse();
    succeeded(chain.revoke(OWNER, id("base"), REASON));
    assertThat(chain.taintSource(id("top"))).isEqualTo(id("base"));
  }

  @Test
  void lineageOfExactlyTheBoundIsAnswered() {
    Bytes32 tip = attestChain(DataProvenance.MAX_LINEAGE_NODES);

    assertThat(chain.isTainted(tip)).isFalse();
  }

  @Test
  void cleanLineageBeyondTheBoundReverts() {
    Bytes32 tip = attestChain(DataProvenance.MAX_LINEAGE_NODES + 1);

    CallOutcome outcome = chain.call(OWNER, "isTainted", abi(tip));

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.revertReason())
        .contains("lineage of " + tip.toHexString() + " exceeds 256 datasets");
  }

  @Test
  void revokedAncestorWithinTheBoundAnswersEvenForALongerLineage() {
    Bytes32 tip = attestChain(DataProvenance.MAX_LINEAGE_NODES + 10);
    Bytes32 near = id("link-" + (DataProvenance.MAX_LINEAGE_NODES + 5));
    succeeded(chain.revoke(OWNER, near, REASON));

    assertThat(chain.taintSource(tip)).isEqualTo(near);
  }

  @Test
  void eachHopOfAWalkCostsGas() {
    Bytes32 tip = attestChain(20);

    long shallow = chain.call(OWNER, "isTainted", abi(id("link-2"))).gasUsed();
    long deep = chain.call(OWNER, "isTainted", abi(tip)).gasUsed();

    assertThat(deep - shallow).isGreaterThanOrEqualTo(18 * DataProvenance.LINEAGE_HOP_GAS);
  }

  @Test
  void walkThatOutrunsItsGasFailsWithoutAnAnswer() {
    Bytes32 tip = attestChain(40);
    chain.gasLimit = 50_000;

    CallOutcome outcome = chain.call(Address.of(0xeeee), "isTainted", abi(tip));

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.revertReason()).contains("out of gas");
  }

  /** link-1 ← link-2 ← … ← link-n; returns link-n, whose lineage has n datasets. */
  private Bytes32 attestChain(int length) {
    chain.attested(OWNER, claim("link-1"));
    for (int i = 2; i <= length; i++) {
      chain.attested(OWNER, claim("link-" + i, id("link-" + (i - 1))));
    }
    return id("link-" + length);
  }

  private static Bytes32[] distinct(Bytes32 left, Bytes32 right) {
    return left.equals(right) ? new Bytes32[] {left} : new Bytes32[] {left, right};
  }
}
