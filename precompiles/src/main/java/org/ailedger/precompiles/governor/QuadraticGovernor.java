package org.ailedger.precompiles.governor;

import static org.ailedger.precompiles.abi.AbiFunction.nonpayable;
import static org.ailedger.precompiles.abi.AbiFunction.view;
import static org.ailedger.precompiles.abi.AbiValues.bool;
import static org.ailedger.precompiles.abi.AbiValues.bytes;
import static org.ailedger.precompiles.abi.AbiValues.bytes32;
import static org.ailedger.precompiles.abi.AbiValues.string;
import static org.ailedger.precompiles.abi.AbiValues.uint256;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.precompiles.AbiContract;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.AbiFunction;
import org.ailedger.precompiles.abi.AbiValues;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.precompiles.governance.GovernanceParameters;
import org.ailedger.precompiles.governance.GovernanceParametersContract;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.governance.ParameterChange;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The QuadraticGovernor at 0x…1004: members propose changes to Permissions or to the governed
 * parameters, vote on them with quadratic, capped weight ({@link QuadraticVoting}), and anyone
 * executes a passed proposal once its timelock is over. See {@link Proposal#stateAt} for the life
 * of a proposal and {@link ProposalPayloads} for what a proposal may ask.
 *
 * <p>Storage layout, as Solidity would lay out the same state variables:
 *
 * <pre>
 * slot 0  mapping(bytes32 name => uint256) parameters    GovernanceParameters; zero = default
 * slot 1  uint256 proposalCount                          ids are 1 .. proposalCount
 * slot 2  mapping(uint256 id => Proposal) proposals      struct at keccak256(id . 2), words:
 *           +0  address proposer | uint8 kind | uint8 flags (1 canceled, 2 executed)
 *           +1  bytes32 member                           the proposer's member at creation
 *           +2  uint64 snapshotBlock | uint64 voteStart | uint64 voteEnd | uint64 eta
 *           +3  uint256 quorum   +4 uint256 cap   +5 uint256 quadraticTotal
 *           +6  uint256 againstVotes   +7 uint256 forVotes   +8 uint256 abstainVotes
 *           +9  bytes payload          +10 string description
 *               (length word, data from keccak256(that slot) on, whatever the length)
 * slot 3  mapping(uint256 id => mapping(bytes32 member => Receipt)) receipts
 *           at keccak256(member . keccak256(id . 3)), words:
 *           +0  bool voted | uint8 support | address voter
 *           +1  uint256 weight
 * </pre>
 *
 * Packed fields are listed from the lowest-order bytes up, as Solidity packs them.
 *
 * <p>Every function taking a proposal id refuses an id that was never assigned, naming the range of
 * ids that exist.
 *
 * <p>Gas: each function's fixed cost covers decoding and hashing; slot reads and writes (a
 * description costs one new slot per 32 bytes) and logs are metered on top.
 */
public final class QuadraticGovernor implements AbiContract {
  public static final Address ADDRESS = NativeAddresses.QUADRATIC_GOVERNOR;

  /** Kept from the parameters-only contract, so the code marker never changed. */
  public static final String NAME = GovernanceParametersContract.NAME;

  /**
   * Blocks a passed proposal stays executable after its timelock, counted from eta: a day at the
   * devnet's 1 s block period. A change nobody carried out for that long should be proposed again
   * rather than applied to a chain that has moved on.
   */
  public static final long EXECUTION_GRACE_BLOCKS = 86_400;

  /** The longest description, in bytes of UTF-8; a title and a link to the full text fit. */
  public static final int MAX_DESCRIPTION_BYTES = 2_048;

  private static final long CONSTANT_GAS = 20;
  private static final long READ_GAS = 200;
  private static final long VOTE_GAS = 2_000;
  private static final long WRITE_GAS = 5_000;

  private final FunctionTable functions = FunctionTable.of(NAME, declarations());

  @Override
  public Address address() {
    return ADDRESS;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FunctionTable functions() {
    return functions;
  }

  /**
   * Every event the governor emits from its own address, for the ABI description and its drift
   * check. ParameterChanged belongs here although governance/ declares it, because executing a
   * SetParameter proposal emits it from 0x…1004; the Permissions events an executed proposal causes
   * are emitted by Permissions at 0x…1000 and belong to it.
   */
  @Override
  public List<AbiEvent> events() {
    return List.of(
        GovernorEvents.PROPOSAL_CREATED,
        GovernorEvents.PROPOSAL_TERMS,
        GovernorEvents.VOTE_CAST,
        GovernorEvents.PROPOSAL_EXECUTED,
        GovernorEvents.PROPOSAL_CANCELED,
        ParameterChange.PARAMETER_CHANGED);
  }

  private static List<AbiFunction> declarations() {
    List<AbiFunction> all = new ArrayList<>();
    all.add(
        nonpayable(
            "propose(uint8 kind, bytes payload, string description)"
                + " returns (uint256 proposalId)",
            WRITE_GAS,
            (state, args) ->
                List.of(
                    uint256(
                        lifecycle(state).propose(args.uint(0), args.bytes(1), args.string(2))))));
    all.add(
        nonpayable(
            "castVote(uint256 proposalId, uint8 support)",
            VOTE_GAS,
            (state, args) -> {
              lifecycle(state).castVote(args.uint(0), args.uint(1));
              return List.of();
            }));
    all.add(
        nonpayable(
            "execute(uint256 proposalId)",
            WRITE_GAS,
            (state, args) -> {
              lifecycle(state).execute(args.uint(0));
              return List.of();
            }));
    all.add(
        nonpayable(
            "cancel(uint256 proposalId)",
            WRITE_GAS,
            (state, args) -> {
              lifecycle(state).cancel(args.uint(0));
              return List.of();
            }));
    all.add(
        view(
            "state(uint256 proposalId) returns (uint8)",
            READ_GAS,
            (state, args) -> List.of(new Uint8(lifecycle(state).stateOf(args.uint(0)).code()))));
    all.add(
        view(
            "getProposal(uint256 proposalId) returns (address proposer, bytes32 memberId,"
                + " uint8 kind, bytes payload, string description, uint64 snapshotBlock,"
                + " uint64 voteStart, uint64 voteEnd, uint64 eta, uint256 quorum, uint256 cap,"
                + " uint256 quadraticTotal)",
            READ_GAS,
            (state, args) -> {
              Proposal p = lifecycle(state).existing(args.uint(0));
              GovernorLayout layout = new GovernorLayout(state);
              return List.of(
                  AbiValues.address(p.proposer()),
                  bytes32(p.member()),
                  new Uint8(p.kind().code()),
                  bytes(layout.payload(p.id())),
                  string(layout.description(p.id())),
                  new Uint64(p.snapshotBlock()),
                  new Uint64(p.voteStart()),
                  new Uint64(p.voteEnd()),
                  new Uint64(p.eta()),
                  uint256(p.quorum()),
                  uint256(p.cap()),
                  uint256(p.quadraticTotal()));
            }));
    all.add(
        view(
            "proposalVotes(uint256 proposalId) returns (uint256 againstVotes, uint256 forVotes,"
                + " uint256 abstainVotes)",
            READ_GAS,
            (state, args) -> {
              Proposal p = lifecycle(state).existing(args.uint(0));
              Tally tally = new GovernorLayout(state).tally(p.id());
              return List.of(
                  uint256(tally.against()), uint256(tally.forVotes()), uint256(tally.abstain()));
            }));
    all.add(
        view(
            "votingPower(address account, uint256 blockNumber) returns (uint256)",
            READ_GAS,
            (state, args) -> List.of(uint256(votingPower(state, args.address(0), args.uint(1))))));
    all.add(
        view(
            "hasVoted(uint256 proposalId, bytes32 memberId) returns (bool)",
            READ_GAS,
            (state, args) ->
                List.of(bool(receipt(state, args.uint(0), args.bytes32(1)).isPresent()))));
    all.add(
        view(
            "getReceipt(uint256 proposalId, bytes32 memberId) returns (bool hasVoted,"
                + " address voter, uint8 support, uint256 weight)",
            READ_GAS,
            (state, args) -> {
              Optional<VoteReceipt> receipt = receipt(state, args.uint(0), args.bytes32(1));
              return List.of(
                  bool(receipt.isPresent()),
                  AbiValues.address(receipt.map(VoteReceipt::voter).orElse(Address.ZERO)),
                  new Uint8(receipt.map(r -> r.support().code()).orElse(0)),
                  uint256(receipt.map(VoteReceipt::weight).orElse(UInt256.ZERO)));
            }));
    all.add(
        view(
            "proposalCount() returns (uint256)",
            READ_GAS,
            (state, args) -> List.of(uint256(new GovernorLayout(state).proposalCount()))));
    all.add(
        view(
            "EXECUTION_GRACE_BLOCKS() returns (uint256)",
            CONSTANT_GAS,
            (state, args) -> List.of(uint256(EXECUTION_GRACE_BLOCKS))));
    all.add(
        view(
            "MAX_DESCRIPTION_BYTES() returns (uint256)",
            CONSTANT_GAS,
            (state, args) -> List.of(uint256(MAX_DESCRIPTION_BYTES))));
    // getParameter(bytes32) and getParameterBounds(bytes32), as before the governor existed
    all.addAll(GovernanceParametersContract.declarations());
    return List.copyOf(all);
  }

  private static ProposalLifecycle lifecycle(ContractState state) {
    return ProposalLifecycle.of(state);
  }

  private static Optional<VoteReceipt> receipt(
      ContractState state, UInt256 proposalId, Bytes32 member) {
    Proposal proposal = lifecycle(state).existing(proposalId);
    return new GovernorLayout(state).receipt(proposal.id(), member);
  }

  /**
   * The power the account's member (as Permissions has it now) had at the end of {@code block},
   * capped with the capBps in force now: what it would vote with on a proposal whose snapshot is
   * that block, if capBps does not change before then. Zero for an account that is not permitted.
   */
  private static UInt256 votingPower(ContractState state, Address account, UInt256 block) {
    if (!block.fitsLong() || block.toLong() >= state.context().blockNumber()) {
      throw new ContractRevert("block " + block.toDecimalString() + " is not yet mined");
    }
    Optional<Bytes32> member = PermissionsView.of(state).memberOf(account);
    if (member.isEmpty()) {
      return UInt256.ZERO;
    }
    QuadraticVoting voting = QuadraticVoting.of(state);
    UInt256 cap =
        QuadraticVoting.share(
            GovernanceParameters.of(state).get(Parameter.CAP_BPS),
            voting.quadraticTotal(block.toLong()));
    return voting.memberPower(member.get(), block.toLong(), cap).power();
  }
}
