package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Optional;
import org.ailedger.precompiles.governor.Proposal;
import org.ailedger.precompiles.governor.ProposalKind;
import org.ailedger.precompiles.governor.Tally;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/**
 * The indexer's proposal states are the governor's: the same rule applied to the indexed terms
 * gives, at every block around every boundary, for tallies on each side of the quorum and of a tie,
 * and with each outcome, the state the contract's own {@link Proposal#stateAt} gives.
 */
class ProposalStateTest {
  private static final long VOTE_START = 10;
  private static final long VOTE_END = 20;
  private static final long ETA = 25;
  private static final long QUORUM = 30;

  @Test
  void everyStateAtEveryBlockMatchesTheGovernorsRule() {
    long expiresAt =
        ETA + org.ailedger.precompiles.governor.QuadraticGovernor.EXECUTION_GRACE_BLOCKS;
    long[][] tallies = {
      {0, 0, 0},
      {10, 20, 0},
      {20, 10, 0},
      {15, 15, 0},
      {0, 30, 0},
      {0, 29, 0},
      {5, 10, 15},
      {0, 10, 20},
      {0, 1, 29}
    };
    int compared = 0;
    for (long[] votes : tallies) {
      for (int outcome = 0; outcome < 3; outcome++) {
        Proposal governor = governorProposal(outcome == 1, outcome == 2);
        Tally governorTally = new Tally(uint(votes[0]), uint(votes[1]), uint(votes[2]));
        ProposalState.Terms terms =
            new ProposalState.Terms(
                VOTE_START,
                VOTE_END,
                ETA,
                expiresAt,
                BigInteger.valueOf(QUORUM),
                switch (outcome) {
                  case 1 -> Optional.of(ProposalState.CANCELED);
                  case 2 -> Optional.of(ProposalState.EXECUTED);
                  default -> Optional.empty();
                });
        ProposalState.Tally tally =
            new ProposalState.Tally(big(votes[0]), big(votes[1]), big(votes[2]), 3);
        for (long block :
            new long[] {
              0,
              VOTE_START - 1,
              VOTE_START,
              VOTE_END,
              VOTE_END + 1,
              ETA - 1,
              ETA,
              expiresAt - 1,
              expiresAt,
              expiresAt + 1
            }) {
          ProposalState ours = ProposalState.at(block, terms, tally);
          var theirs = governor.stateAt(block, governorTally);
          assertThat(ours.code())
              .as("block %d, tally %s, outcome %d", block, votes, outcome)
              .isEqualTo(theirs.code());
          assertThat(ours.name()).isEqualTo(theirs.name());
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(9 * 3 * 10);
  }

  @Test
  void blocksLeftCountToTheNextChangeByBlocksAlone() {
    ProposalState.Terms terms =
        new ProposalState.Terms(VOTE_START, VOTE_END, ETA, 100L, BigInteger.ONE, Optional.empty());

    assertThat(ProposalState.PENDING.blocksLeft(7, terms)).isEqualTo(3);
    assertThat(ProposalState.ACTIVE.blocksLeft(VOTE_END, terms))
        .as("voting in its last block")
        .isEqualTo(1);
    assertThat(ProposalState.QUEUED.blocksLeft(21, terms)).isEqualTo(4);
    assertThat(ProposalState.SUCCEEDED.blocksLeft(99, terms)).isEqualTo(1);
    assertThat(ProposalState.DEFEATED.blocksLeft(21, terms)).isNull();
  }

  private static Proposal governorProposal(boolean canceled, boolean executed) {
    return new Proposal(
        1,
        Address.of(1),
        Bytes32.ZERO,
        ProposalKind.SET_PARAMETER,
        VOTE_START - 2,
        VOTE_START,
        VOTE_END,
        ETA,
        uint(QUORUM),
        uint(50),
        uint(100),
        canceled,
        executed);
  }

  private static UInt256 uint(long value) {
    return UInt256.valueOf(value);
  }

  private static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }
}
