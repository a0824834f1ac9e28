package org.ailedger.precompiles.governor;

import static org.ailedger.precompiles.abi.AbiValues.address;
import static org.ailedger.precompiles.abi.AbiValues.bytes;
import static org.ailedger.precompiles.abi.AbiValues.bytes32;
import static org.ailedger.precompiles.abi.AbiValues.string;
import static org.ailedger.precompiles.abi.AbiValues.uint256;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.governance.GovernanceParameters;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The governor's rules: creating, voting on, executing and canceling proposals, over the governor's
 * own state in a call. Each refusal names the proposal, the account or member and the block or
 * bound involved, so a voter can act on it. No operation scans members or holders: a vote reads one
 * receipt, one membership and one binary search in the token's checkpoints.
 */
final class ProposalLifecycle {
  private final ContractState state;
  private final GovernorLayout layout;

  private ProposalLifecycle(ContractState state) {
    this.state = state;
    this.layout = new GovernorLayout(state);
  }

  /** Over the governor's state in the current call. */
  static ProposalLifecycle of(ContractState governorState) {
    return new ProposalLifecycle(governorState);
  }

  long propose(UInt256 kindCode, Bytes payload, String description) {
    long block = block();
    if (block < 1) {
      throw new ContractRevert("no proposal can be made in the genesis block");
    }
    ProposalKind kind = ProposalPayloads.kind(kindCode);
    ProposalPayloads.decode(kind, payload);
    int descriptionBytes = description.getBytes(StandardCharsets.UTF_8).length;
    if (descriptionBytes > QuadraticGovernor.MAX_DESCRIPTION_BYTES) {
      throw new ContractRevert(
          "the description is "
              + descriptionBytes
              + " bytes of UTF-8; the limit is "
              + QuadraticGovernor.MAX_DESCRIPTION_BYTES);
    }
    Address proposer = caller();
    Bytes32 member = memberOf(proposer, "propose");
    long snapshot = block - 1;
    QuadraticVoting voting = QuadraticVoting.of(state);
    GovernanceParameters parameters = GovernanceParameters.of(state);
    UInt256 raw = voting.rawBalance(member, snapshot);
    UInt256 threshold = parameters.get(Parameter.PROPOSAL_THRESHOLD);
    if (raw.compareTo(threshold) < 0) {
      throw new ContractRevert(
          "member "
              + member.toHexString()
              + " of proposer "
              + proposer
              + " held "
              + raw.toDecimalString()
              + " token base units at snapshot block "
              + snapshot
              + ", below the proposal threshold "
              + threshold.toDecimalString());
    }
    UInt256 quadraticTotal = voting.quadraticTotal(snapshot);
    long voteStart = Math.addExact(block, blocks(parameters, Parameter.VOTING_DELAY));
    long voteEnd = Math.addExact(voteStart, blocks(parameters, Parameter.VOTING_PERIOD));
    long eta = Math.addExact(voteEnd, blocks(parameters, Parameter.TIMELOCK_BLOCKS));
    long id = layout.proposalCount() + 1;
    Proposal proposal =
        new Proposal(
            id,
            proposer,
            member,
            kind,
            snapshot,
            voteStart,
            voteEnd,
            eta,
            QuadraticVoting.share(parameters.get(Parameter.QUORUM_BPS), quadraticTotal),
            QuadraticVoting.share(parameters.get(Parameter.CAP_BPS), quadraticTotal),
            quadraticTotal,
            false,
            false);
    layout.setProposalCount(id);
    layout.storeProposal(proposal);
    layout.storeText(id, payload, description);
    GovernorEvents.PROPOSAL_CREATED.emit(
        state,
        uint256(id),
        address(proposer),
        bytes32(member),
        new Uint8(kind.code()),
        bytes(payload),
        string(description),
        new Uint64(snapshot),
        new Uint64(voteStart),
        new Uint64(voteEnd),
        uint256(quadraticTotal));
    GovernorEvents.PROPOSAL_TERMS.emit(
        state,
        uint256(id),
        new Uint64(eta),
        new Uint64(proposal.expiresAt()),
        uint256(proposal.quorum()),
        uint256(proposal.cap()));
    return id;
  }

  void castVote(UInt256 proposalId, UInt256 supportCode) {
    Proposal proposal = existing(proposalId);
    Support support =
        Support.fromCode(supportCode)
            .orElseThrow(
                () ->
                    new ContractRevert(
                        "support must be 0 (against), 1 (for) or 2 (abstain), got "
                            + supportCode.toDecimalString()));
    Tally tally = layout.tally(proposal.id());
    ProposalState current = proposal.stateAt(block(), tally);
    if (current != ProposalState.ACTIVE) {
      throw new ContractRevert(notVotable(proposal, current));
    }
    Address voter = caller();
    Bytes32 member = memberOf(voter, "vote");
    Optional<VoteReceipt> earlier = layout.receipt(proposal.id(), member);
    if (earlier.isPresent()) {
      throw new ContractRevert(
          "member "
              + member.toHexString()
              + " already voted on proposal "
              + proposal.id()
              + " with account "
              + earlier.get().voter());
    }
    QuadraticVoting.MemberPower power =
        QuadraticVoting.of(state).memberPower(member, proposal.snapshotBlock(), proposal.cap());
    if (power.power().isZero()) {
      throw new ContractRevert(
          "member "
              + member.toHexString()
              + " of account "
              + voter
              + " has no voting power on proposal "
              + proposal.id()
              + ": it held "
              + power.raw().toDecimalString()
              + " token base units at snapshot block "
              + proposal.snapshotBlock()
              + " and the cap is "
              + proposal.cap().toDecimalString());
    }
    layout.storeReceipt(proposal.id(), member, new VoteReceipt(voter, support, power.power()));
    layout.storeTally(proposal.id(), support, tally.plus(support, power.power()));
    GovernorEvents.VOTE_CAST.emit(
        state,
        uint256(proposal.id()),
        address(voter),
        bytes32(member),
        new Uint8(support.code()),
        uint256(power.power()),
        uint256(power.raw()));
  }

  void execute(UInt256 proposalId) {
    Proposal proposal = existing(proposalId);
    ProposalState current = proposal.stateAt(block(), layout.tally(proposal.id()));
    if (current != ProposalState.SUCCEEDED) {
      throw new ContractRevert(notExecutable(proposal, current));
    }
    layout.storeStatus(proposal.executedNow());
    ProposalPayloads.decode(proposal.kind(), layout.payload(proposal.id())).apply(state);
    GovernorEvents.PROPOSAL_EXECUTED.emit(state, uint256(proposal.id()));
  }

  void cancel(UInt256 proposalId) {
    Proposal proposal = existing(proposalId);
    Address caller = caller();
    if (!caller.equals(proposal.proposer())) {
      throw new ContractRevert(
          "only the proposer "
              + proposal.proposer()
              + " may cancel proposal "
              + proposal.id()
              + "; caller was "
              + caller);
    }
    ProposalState current = proposal.stateAt(block(), layout.tally(proposal.id()));
    if (current != ProposalState.PENDING) {
      throw new ContractRevert(
          "proposal "
              + proposal.id()
              + " can only be canceled while pending, before block "
              + proposal.voteStart()
              + "; it is "
              + current.label());
    }
    layout.storeStatus(proposal.canceledNow());
    GovernorEvents.PROPOSAL_CANCELED.emit(state, uint256(proposal.id()));
  }

  ProposalState stateOf(UInt256 proposalId) {
    Proposal proposal = existing(proposalId);
    return proposal.stateAt(block(), layout.tally(proposal.id()));
  }

  /** The proposal with {@code proposalId}, refusing ids that were never assigned. */
  Proposal existing(UInt256 proposalId) {
    long count = layout.proposalCount();
    if (proposalId.isZero() || !proposalId.fitsLong() || proposalId.toLong() > count) {
      throw new ContractRevert(
          "proposal "
              + proposalId.toDecimalString()
              + " does not exist; proposals are numbered 1 to "
              + count);
    }
    return layout.proposal(proposalId.toLong());
  }

  private String notVotable(Proposal proposal, ProposalState current) {
    String prefix = "proposal " + proposal.id();
    return switch (current) {
      case PENDING ->
          prefix
              + " opens for voting at block "
              + proposal.voteStart()
              + "; this is block "
              + block();
      case CANCELED -> prefix + " was canceled";
      case EXECUTED -> prefix + " was already executed";
      case DEFEATED, SUCCEEDED, QUEUED, EXPIRED ->
          prefix
              + " closed for voting after block "
              + proposal.voteEnd()
              + "; this is block "
              + block();
      case ACTIVE -> throw new IllegalStateException("an active proposal is votable");
    };
  }

  private String notExecutable(Proposal proposal, ProposalState current) {
    String prefix = "proposal " + proposal.id();
    return switch (current) {
      case EXECUTED -> prefix + " was already executed";
      case CANCELED -> prefix + " was canceled";
      case DEFEATED -> prefix + " was defeated and cannot be executed";
      case PENDING, ACTIVE ->
          prefix
              + " is still "
              + current.label().toLowerCase(Locale.ROOT)
              + "; voting ends after block "
              + proposal.voteEnd();
      case QUEUED ->
          prefix
              + " is in its timelock until block "
              + proposal.eta()
              + "; this is block "
              + block();
      case EXPIRED ->
          prefix + " expired at block " + proposal.expiresAt() + " without being executed";
      case SUCCEEDED -> throw new IllegalStateException("a succeeded proposal is executable");
    };
  }

  private Bytes32 memberOf(Address account, String action) {
    return PermissionsView.of(state)
        .memberOf(account)
        .orElseThrow(
            () ->
                new ContractRevert(
                    "account "
                        + account
                        + " is not a permitted account; only members' accounts may "
                        + action));
  }

  /** A block-count parameter; its bounds keep it far inside a long. */
  private static long blocks(GovernanceParameters parameters, Parameter parameter) {
    return parameters.get(parameter).toLong();
  }

  private Address caller() {
    return state.context().caller();
  }

  private long block() {
    return state.context().blockNumber();
  }
}
