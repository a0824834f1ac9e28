package org.ailedger.indexer.event;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Events of QuadraticGovernor at 0x…1004 (IQuadraticGovernor.sol). Proposal ids count from 1 and
 * the schedule's block numbers are derived from the chain's own height, so they fit a {@code long}.
 */
public sealed interface GovernorEvent extends LedgerEvent {
  @Override
  default NativeContract contract() {
    return NativeContract.QUADRATIC_GOVERNOR;
  }

  record ProposalCreated(
      long proposalId,
      EthAddress proposer,
      Bytes32 memberId,
      int kind,
      Bytes payload,
      String description,
      long snapshotBlock,
      long voteStart,
      long voteEnd,
      BigInteger quadraticTotal)
      implements GovernorEvent {
    public ProposalCreated {
      payload = payload.copy();
    }
  }

  record ProposalTerms(long proposalId, long eta, long expiresAt, BigInteger quorum, BigInteger cap)
      implements GovernorEvent {}

  record VoteCast(
      long proposalId,
      EthAddress voter,
      Bytes32 memberId,
      int support,
      BigInteger weight,
      BigInteger rawBalance)
      implements GovernorEvent {}

  record ProposalExecuted(long proposalId) implements GovernorEvent {}

  record ProposalCanceled(long proposalId) implements GovernorEvent {}

  record ParameterChanged(Bytes32 name, BigInteger oldValue, BigInteger newValue)
      implements GovernorEvent {
    /**
     * The parameter's ASCII name without its zero padding, e.g. {@code capBps}; the hex of the
     * bytes if they are no such name (the contract refuses unknown names, so only a foreign
     * contract could emit one).
     */
    public String parameterName() {
      try {
        return ParameterName.of(name).text();
      } catch (IllegalArgumentException notAName) {
        return name.toHexString();
      }
    }
  }
}
