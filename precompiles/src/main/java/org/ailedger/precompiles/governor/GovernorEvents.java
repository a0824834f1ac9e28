package org.ailedger.precompiles.governor;

import org.ailedger.precompiles.abi.AbiEvent;

/**
 * The events the governor emits. Together they let an indexer rebuild every proposal, its terms,
 * its tally and its fate from logs alone: ProposalCreated and ProposalTerms carry what {@code
 * getProposal} answers, each VoteCast carries the weight it added, and the state follows from those
 * and the block number. Parameter changes are announced by ParameterChanged in the same transaction
 * as the ProposalExecuted that caused them; Permissions announces its own changes.
 */
public final class GovernorEvents {
  public static final AbiEvent PROPOSAL_CREATED =
      AbiEvent.parse(
          "ProposalCreated(uint256 indexed proposalId, address indexed proposer,"
              + " bytes32 indexed memberId, uint8 kind, bytes payload, string description,"
              + " uint64 snapshotBlock, uint64 voteStart, uint64 voteEnd, uint256 quadraticTotal)");

  /**
   * Emitted right after ProposalCreated with the rest of the proposal's terms: when it becomes
   * executable and expires, and the quorum and cap (in votes) it was given from the parameters in
   * force at creation.
   */
  public static final AbiEvent PROPOSAL_TERMS =
      AbiEvent.parse(
          "ProposalTerms(uint256 indexed proposalId, uint64 eta, uint64 expiresAt,"
              + " uint256 quorum, uint256 cap)");

  public static final AbiEvent VOTE_CAST =
      AbiEvent.parse(
          "VoteCast(uint256 indexed proposalId, address indexed voter, bytes32 indexed memberId,"
              + " uint8 support, uint256 weight, uint256 rawBalance)");

  public static final AbiEvent PROPOSAL_EXECUTED =
      AbiEvent.parse("ProposalExecuted(uint256 indexed proposalId)");

  public static final AbiEvent PROPOSAL_CANCELED =
      AbiEvent.parse("ProposalCanceled(uint256 indexed proposalId)");

  private GovernorEvents() {}
}
