package org.ailedger.cli.gov;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.ailedger.precompiles.governor.ProposalKind;
import org.ailedger.precompiles.governor.ProposalState;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class StateChangeTest {
  /** Created in block 10: snapshot 9, votes 11 to 41, eta 43, expiry 100. */
  private static final ProposalView PROPOSAL = proposal(43);

  @Test
  void aPendingProposalOpensAtVoteStart() {
    StateChange next = StateChange.after(ProposalState.PENDING, PROPOSAL, false).orElseThrow();

    assertThat(next).isEqualTo(new StateChange(ProposalState.ACTIVE, 11));
    assertThat(next.blocksAfter(11)).isZero();
  }

  @Test
  void anActiveProposalClosesAfterVoteEndAsTheTalliesStand() {
    assertThat(StateChange.after(ProposalState.ACTIVE, PROPOSAL, true))
        .contains(new StateChange(ProposalState.QUEUED, 42));
    assertThat(StateChange.after(ProposalState.ACTIVE, PROPOSAL, false))
        .contains(new StateChange(ProposalState.DEFEATED, 42));
    assertThat(new StateChange(ProposalState.QUEUED, 42).blocksAfter(40)).isEqualTo(2);
  }

  @Test
  void aOneBlockTimelockGoesStraightToSucceeded() {
    assertThat(StateChange.after(ProposalState.ACTIVE, proposal(42), true))
        .contains(new StateChange(ProposalState.SUCCEEDED, 42));
  }

  @Test
  void queuedBecomesExecutableAtEtaAndSucceededExpires() {
    assertThat(StateChange.after(ProposalState.QUEUED, PROPOSAL, true))
        .contains(new StateChange(ProposalState.SUCCEEDED, 43));
    assertThat(StateChange.after(ProposalState.SUCCEEDED, PROPOSAL, true))
        .contains(new StateChange(ProposalState.EXPIRED, 100));
  }

  @Test
  void finalStatesHaveNoNextState() {
    for (ProposalState state :
        new ProposalState[] {
          ProposalState.CANCELED,
          ProposalState.DEFEATED,
          ProposalState.EXPIRED,
          ProposalState.EXECUTED
        }) {
      assertThat(StateChange.after(state, PROPOSAL, true)).as(state.label()).isEmpty();
    }
  }

  private static ProposalView proposal(long eta) {
    return new ProposalView(
        1,
        Address.of(0xaa),
        Bytes32.ZERO,
        ProposalKind.ADD_NODE,
        Bytes32.ZERO,
        "",
        9,
        11,
        41,
        eta,
        100,
        BigInteger.TEN,
        BigInteger.ONE,
        BigInteger.valueOf(50));
  }
}
