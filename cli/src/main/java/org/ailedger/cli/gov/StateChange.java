package org.ailedger.cli.gov;

import java.util.Optional;
import org.ailedger.precompiles.governor.ProposalState;

/**
 * The next state a proposal reaches with the passing of blocks alone, and the first block it holds
 * in. An active proposal's next state depends on votes still to come, so it is given as the tallies
 * stand now.
 *
 * @param state the state it moves to
 * @param atBlock the first block (as a call sees it) in that state
 */
record StateChange(ProposalState state, long atBlock) {
  StateChange {
    if (state == null || atBlock < 0) {
      throw new IllegalArgumentException("a state change needs a state and a block");
    }
  }

  /**
   * What follows {@code current}, or nothing for the final states (Canceled, Defeated, Expired,
   * Executed). {@code passing} says whether the votes cast so far would pass it.
   */
  static Optional<StateChange> after(
      ProposalState current, ProposalView proposal, boolean passing) {
    return switch (current) {
      case PENDING -> Optional.of(new StateChange(ProposalState.ACTIVE, proposal.voteStart()));
      case ACTIVE -> {
        long closed = proposal.voteEnd() + 1;
        if (!passing) {
          yield Optional.of(new StateChange(ProposalState.DEFEATED, closed));
        }
        // a timelock of one block makes a passed proposal executable as soon as voting closes
        yield Optional.of(
            new StateChange(
                proposal.eta() <= closed ? ProposalState.SUCCEEDED : ProposalState.QUEUED, closed));
      }
      case QUEUED -> Optional.of(new StateChange(ProposalState.SUCCEEDED, proposal.eta()));
      case SUCCEEDED -> Optional.of(new StateChange(ProposalState.EXPIRED, proposal.expiresAt()));
      case CANCELED, DEFEATED, EXPIRED, EXECUTED -> Optional.empty();
    };
  }

  /**
   * Blocks still to be mined before a call sees the new state, from a call running in {@code
   * callBlock}.
   */
  long blocksAfter(long callBlock) {
    return Math.max(0, atBlock - callBlock);
  }
}
