package org.ailedger.precompiles.governor;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Everything that decides a proposal's fate, fixed when it is created (its payload and description
 * are stored beside it and read only when needed), plus whether it was canceled or executed.
 *
 * @param id 1, 2, 3, … in creation order
 * @param proposer the account that proposed; the only one that may cancel
 * @param member the proposer's member (organisation) when it proposed
 * @param snapshotBlock creation block − 1: balances and Q are read as they were at its end
 * @param voteStart first block votes are accepted in: creation + votingDelay
 * @param voteEnd last block votes are accepted in: voteStart + votingPeriod
 * @param eta first block the proposal may be executed in: voteEnd + timelockBlocks
 * @param quorum the turnout needed to pass, in votes: quorumBps · Q / 10000 at creation
 * @param cap the largest weight one member can cast, in votes: capBps · Q / 10000 at creation
 * @param quadraticTotal Q, the sum of isqrt(raw balance) over all members at the snapshot
 */
public record Proposal(
    long id,
    Address proposer,
    Bytes32 member,
    ProposalKind kind,
    long snapshotBlock,
    long voteStart,
    long voteEnd,
    long eta,
    UInt256 quorum,
    UInt256 cap,
    UInt256 quadraticTotal,
    boolean canceled,
    boolean executed) {

  public Proposal {
    if (id < 1) {
      throw new IllegalArgumentException("proposal ids start at 1, got " + id);
    }
    if (proposer == null || member == null || kind == null) {
      throw new IllegalArgumentException("proposer, member and kind are required");
    }
    if (quorum == null || cap == null || quadraticTotal == null) {
      throw new IllegalArgumentException("quorum, cap and quadratic total are required");
    }
    if (snapshotBlock < 0 || voteStart <= snapshotBlock || voteEnd < voteStart || eta <= voteEnd) {
      throw new IllegalArgumentException(
          "proposal "
              + id
              + " needs snapshot < voteStart <= voteEnd < eta, got "
              + snapshotBlock
              + ", "
              + voteStart
              + ", "
              + voteEnd
              + ", "
              + eta);
    }
    if (canceled && executed) {
      throw new IllegalArgumentException("proposal " + id + " cannot be canceled and executed");
    }
  }

  /** The first block in which a passed, unexecuted proposal counts as expired. */
  public long expiresAt() {
    return eta + QuadraticGovernor.EXECUTION_GRACE_BLOCKS;
  }

  /**
   * The state at {@code block} (the block being built, as a call sees it), given the votes cast:
   *
   * <ol>
   *   <li>Executed or Canceled once that has happened, whatever the block;
   *   <li>Pending before voteStart, Active from voteStart through voteEnd;
   *   <li>after voteEnd, Defeated unless it passed (for &gt; against and for + against + abstain ≥
   *       quorum, so turnout exactly at the quorum passes);
   *   <li>a passed proposal is Queued before eta, Succeeded (executable) from eta for {@link
   *       QuadraticGovernor#EXECUTION_GRACE_BLOCKS} blocks, then Expired.
   * </ol>
   */
  public ProposalState stateAt(long block, Tally tally) {
    if (executed) {
      return ProposalState.EXECUTED;
    }
    if (canceled) {
      return ProposalState.CANCELED;
    }
    if (block < voteStart) {
      return ProposalState.PENDING;
    }
    if (block <= voteEnd) {
      return ProposalState.ACTIVE;
    }
    if (!tally.passes(quorum)) {
      return ProposalState.DEFEATED;
    }
    if (block < eta) {
      return ProposalState.QUEUED;
    }
    return block < expiresAt() ? ProposalState.SUCCEEDED : ProposalState.EXPIRED;
  }

  Proposal canceledNow() {
    return new Proposal(
        id,
        proposer,
        member,
        kind,
        snapshotBlock,
        voteStart,
        voteEnd,
        eta,
        quorum,
        cap,
        quadraticTotal,
        true,
        false);
  }

  Proposal executedNow() {
    return new Proposal(
        id,
        proposer,
        member,
        kind,
        snapshotBlock,
        voteStart,
        voteEnd,
        eta,
        quorum,
        cap,
        quadraticTotal,
        false,
        true);
  }
}
