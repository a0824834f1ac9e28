package org.ailedger.precompiles.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** The state machine of {@link Proposal#stateAt}, block by block. */
class ProposalTest {
  private static final UInt256 QUORUM = UInt256.valueOf(30);
  // snapshot 9, votes 11..41, eta 43
  private static final Proposal PROPOSAL =
      new Proposal(
          1,
          Address.of(0xb1),
          Bytes32.fromHexString("0x01"),
          ProposalKind.ADD_NODE,
          9,
          11,
          41,
          43,
          QUORUM,
          UInt256.valueOf(14),
          UInt256.valueOf(140),
          false,
          false);

  private static Tally tally(long against, long forVotes, long abstain) {
    return new Tally(UInt256.valueOf(against), UInt256.valueOf(forVotes), UInt256.valueOf(abstain));
  }

  private static final Tally PASSING = tally(0, 20, 10);

  @Test
  void pendingUntilVoteStartThenActiveThroughVoteEnd() {
    assertThat(PROPOSAL.stateAt(10, PASSING)).isEqualTo(ProposalState.PENDING);
    assertThat(PROPOSAL.stateAt(11, PASSING)).isEqualTo(ProposalState.ACTIVE);
    assertThat(PROPOSAL.stateAt(41, PASSING)).isEqualTo(ProposalState.ACTIVE);
  }

  @Test
  void passedIsQueuedUntilEtaThenSucceededForTheGracePeriodThenExpired() {
    long expiresAt = 43 + QuadraticGovernor.EXECUTION_GRACE_BLOCKS;

    assertThat(PROPOSAL.stateAt(42, PASSING)).isEqualTo(ProposalState.QUEUED);
    assertThat(PROPOSAL.stateAt(43, PASSING)).isEqualTo(ProposalState.SUCCEEDED);
    assertThat(PROPOSAL.stateAt(expiresAt - 1, PASSING)).isEqualTo(ProposalState.SUCCEEDED);
    assertThat(PROPOSAL.stateAt(expiresAt, PASSING)).isEqualTo(ProposalState.EXPIRED);
    assertThat(PROPOSAL.expiresAt()).isEqualTo(expiresAt);
  }

  @Test
  void quorumCountsAbstentionsAndIsReachedAtExactlyTheQuorum() {
    assertThat(PROPOSAL.stateAt(43, tally(0, 1, 29))).isEqualTo(ProposalState.SUCCEEDED);
    assertThat(PROPOSAL.stateAt(43, tally(0, 1, 28))).isEqualTo(ProposalState.DEFEATED);
    assertThat(PROPOSAL.stateAt(43, tally(9, 10, 11))).isEqualTo(ProposalState.SUCCEEDED);
  }

  @Test
  void aTieOrMoreAgainstIsDefeatedWhateverTheTurnout() {
    assertThat(PROPOSAL.stateAt(42, tally(50, 50, 0))).isEqualTo(ProposalState.DEFEATED);
    assertThat(PROPOSAL.stateAt(43, tally(51, 50, 0))).isEqualTo(ProposalState.DEFEATED);
    assertThat(PROPOSAL.stateAt(100_000_000, tally(0, 0, 0))).isEqualTo(ProposalState.DEFEATED);
  }

  @Test
  void canceledAndExecutedOverrideTheBlock() {
    assertThat(PROPOSAL.canceledNow().stateAt(10, PASSING)).isEqualTo(ProposalState.CANCELED);
    assertThat(PROPOSAL.canceledNow().stateAt(43, PASSING)).isEqualTo(ProposalState.CANCELED);
    assertThat(PROPOSAL.executedNow().stateAt(1_000_000, PASSING))
        .isEqualTo(ProposalState.EXECUTED);
  }

  @Test
  void termsOutOfOrderAreABug() {
    assertThatThrownBy(
            () ->
                new Proposal(
                    1,
                    Address.of(1),
                    Bytes32.ZERO,
                    ProposalKind.ADD_NODE,
                    9,
                    11,
                    41,
                    41,
                    QUORUM,
                    QUORUM,
                    QUORUM,
                    false,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("snapshot < voteStart <= voteEnd < eta");
    assertThatThrownBy(
            () ->
                new Proposal(
                    0,
                    Address.of(1),
                    Bytes32.ZERO,
                    ProposalKind.ADD_NODE,
                    9,
                    11,
                    41,
                    43,
                    QUORUM,
                    QUORUM,
                    QUORUM,
                    false,
                    false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stateCodesAreTheDesignedOnes() {
    assertThat(ProposalState.values())
        .extracting(ProposalState::code)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(ProposalState.values())
        .extracting(ProposalState::name)
        .containsExactly(
            "PENDING",
            "ACTIVE",
            "CANCELED",
            "DEFEATED",
            "SUCCEEDED",
            "QUEUED",
            "EXPIRED",
            "EXECUTED");
  }
}
