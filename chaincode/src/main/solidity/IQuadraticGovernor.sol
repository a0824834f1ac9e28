// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title QuadraticGovernor, the native contract at 0x0000000000000000000000000000000000001004
/// @notice Consortium governance by token-weighted quadratic voting with caps: members
/// (organisations) propose and vote on parameters, accounts, roles, nodes and validators.
/// @dev Implemented in Java by the node; the only caller Permissions accepts for writes.
///
/// Weight belongs to a member, not to an account, so splitting tokens across accounts gains
/// nothing. At a proposal's snapshot block (creation block - 1): raw(m) = sum of the ContributionToken
/// balances of member m's accounts; q(m) = isqrt(raw(m)); Q = sum of q over all members;
/// cap = capBps * Q / 10000; power(m) = min(q(m), cap). A member votes once per proposal, through any
/// of its accounts. A proposal passes if for > against and for + against + abstain >= quorum,
/// where quorum = quorumBps * Q / 10000. Divisions round down.
///
/// Every proposal keeps the parameters in force when it was created, so a parameter change never
/// alters a vote already under way. With creation block b: voteStartBlock = b + votingDelay,
/// voteEndBlock = voteStartBlock + votingPeriod - 1 (votes count in voteStartBlock..voteEndBlock),
/// executableAtBlock = voteEndBlock + 1 + timelockBlocks, and a passed proposal expires, unexecuted,
/// after expiresAtBlock (the end of the governor's execution window), so a stale decision is never
/// applied.
///
/// Proposal ids are 1, 2, 3, …. Kinds and their ABI-encoded payloads:
/// 0 SetParameter(bytes32 name, uint256 value), 1 AddAccount(address account, bytes32 memberId),
/// 2 RemoveAccount(address account), 3 GrantRole(bytes32 role, address account),
/// 4 RevokeRole(bytes32 role, address account), 5 AddNode(address node), 6 RemoveNode(address node),
/// 7 AddValidator(address validator), 8 RemoveValidator(address validator).
///
/// States: 0 Pending (before voteStartBlock), 1 Active (voting), 2 Canceled, 3 Defeated (voting
/// over, not passed), 4 Succeeded (passed and executable now), 5 Queued (passed, timelock running),
/// 6 Expired (passed, execution window over), 7 Executed.
///
/// Governed parameters, by ASCII name right-padded to 32 bytes: capBps (default 1000, 1..10000),
/// quorumBps (2000, 1..10000), votingDelay (1 block), votingPeriod (30 blocks, >= 1),
/// timelockBlocks (2 blocks), proposalThreshold (1e18 base units), maxRewardPerRound (1000e18 base
/// units). Failures revert with a readable `Error(string)` reason and change nothing.
interface IQuadraticGovernor {
    /// @notice A proposal was created; carries everything needed to follow it without calling a view.
    /// @dev Emitted by `propose`.
    /// @param proposalId the new proposal's id
    /// @param proposer the account that proposed it
    /// @param kind the proposal kind, 0..8
    /// @param proposerMember the member whose balance met the proposal threshold
    /// @param payload the ABI-encoded arguments of the kind
    /// @param description the proposer's explanation for voters
    /// @param snapshotBlock the block whose balances count: creation block - 1
    /// @param voteStartBlock the first block in which votes count
    /// @param voteEndBlock the last block in which votes count
    /// @param executableAtBlock the first block in which a passed proposal may be executed
    /// @param expiresAtBlock the last block in which a passed proposal may be executed
    /// @param quadraticTotal Q at the snapshot block
    /// @param quorum the votes (for + against + abstain) the proposal needs
    /// @param cap the largest voting power any member has on this proposal
    event ProposalCreated(
        uint256 indexed proposalId,
        address indexed proposer,
        uint8 indexed kind,
        bytes32 proposerMember,
        bytes payload,
        string description,
        uint64 snapshotBlock,
        uint64 voteStartBlock,
        uint64 voteEndBlock,
        uint64 executableAtBlock,
        uint64 expiresAtBlock,
        uint256 quadraticTotal,
        uint256 quorum,
        uint256 cap
    );

    /// @notice A member voted.
    /// @dev Emitted by `castVote`.
    /// @param proposalId the proposal
    /// @param memberId the voting member
    /// @param voter the member's account that sent the vote
    /// @param support 0 against, 1 for, 2 abstain
    /// @param weight the power counted: min(isqrt(rawBalance), cap)
    /// @param rawBalance the member's token balance at the snapshot block, in base units
    event VoteCast(
        uint256 indexed proposalId,
        bytes32 indexed memberId,
        address indexed voter,
        uint8 support,
        uint256 weight,
        uint256 rawBalance
    );

    /// @notice A passed proposal was carried out.
    /// @dev Emitted by `execute`, after the events of the change itself (Permissions events, or
    /// `ParameterChanged`).
    /// @param proposalId the proposal
    /// @param executor the account that sent the execution
    event ProposalExecuted(uint256 indexed proposalId, address indexed executor);

    /// @notice A proposal was withdrawn by its proposer.
    /// @dev Emitted by `cancel`.
    /// @param proposalId the proposal
    event ProposalCanceled(uint256 indexed proposalId);

    /// @notice A governed parameter changed.
    /// @dev Emitted by `execute` of a SetParameter proposal, before `ProposalExecuted`.
    /// @param proposalId the executed proposal
    /// @param name the parameter's ASCII name, right-padded to 32 bytes
    /// @param oldValue the value before
    /// @param newValue the value from now on
    event ParameterChanged(uint256 indexed proposalId, bytes32 indexed name, uint256 oldValue, uint256 newValue);

    /// @notice Creates a proposal; voting opens votingDelay blocks later.
    /// @dev The caller must be a permitted account whose member held at least proposalThreshold
    /// tokens at the previous block. Reverts if it is not, `kind` is above 8, `payload` is not
    /// exactly the ABI encoding of the kind's arguments, a SetParameter names an unknown parameter or
    /// a value outside its bounds, or `description` is empty or longer than the governor's bound.
    /// Emits `ProposalCreated`.
    /// @param kind what the proposal does, 0..8 (see the contract's documentation)
    /// @param payload the ABI-encoded arguments of the kind
    /// @param description the explanation for voters
    /// @return proposalId the new proposal's id: proposalCount() after the call
    function propose(uint8 kind, bytes calldata payload, string calldata description)
        external
        returns (uint256 proposalId);

    /// @notice Casts the caller's member's vote with its quadratic, capped power.
    /// @dev The caller must be a permitted account. Reverts if the proposal does not exist or is not
    /// Active, `support` is above 2, the caller's member already voted on it, or the member had no
    /// tokens at the snapshot block. Emits `VoteCast`.
    /// @param proposalId the proposal
    /// @param support 0 against, 1 for, 2 abstain
    function castVote(uint256 proposalId, uint8 support) external;

    /// @notice Carries out a passed proposal once its timelock is over.
    /// @dev Anyone may call. Reverts if the proposal is not Succeeded, or if the change itself is
    /// refused (e.g. "account 0x… is already permitted"), in which case the proposal stays
    /// executable until it expires. Emits the change's events, then `ProposalExecuted`.
    /// @param proposalId the proposal
    function execute(uint256 proposalId) external;

    /// @notice Withdraws a proposal before its vote is over.
    /// @dev Only the proposer may call, while the proposal is Pending or Active. Reverts otherwise.
    /// Emits `ProposalCanceled`.
    /// @param proposalId the proposal
    function cancel(uint256 proposalId) external;

    /// @notice Where a proposal stands now.
    /// @dev Anyone may call. Reverts if the proposal does not exist.
    /// @param proposalId the proposal
    /// @return status 0 Pending, 1 Active, 2 Canceled, 3 Defeated, 4 Succeeded, 5 Queued, 6 Expired,
    /// 7 Executed
    function state(uint256 proposalId) external view returns (uint8 status);

    /// @notice A proposal's content, schedule and the thresholds fixed at its creation.
    /// @dev Anyone may call. Reverts if the proposal does not exist.
    /// @param proposalId the proposal
    /// @return proposer the account that proposed it
    /// @return kind the proposal kind, 0..8
    /// @return payload the ABI-encoded arguments of the kind
    /// @return description the proposer's explanation
    /// @return snapshotBlock the block whose balances count
    /// @return voteStartBlock the first block in which votes count
    /// @return voteEndBlock the last block in which votes count
    /// @return executableAtBlock the first block in which it may be executed if passed
    /// @return expiresAtBlock the last block in which it may be executed if passed
    /// @return quadraticTotal Q at the snapshot block
    /// @return quorum the votes (for + against + abstain) it needs
    /// @return cap the largest voting power any member has on it
    function getProposal(uint256 proposalId)
        external
        view
        returns (
            address proposer,
            uint8 kind,
            bytes memory payload,
            string memory description,
            uint64 snapshotBlock,
            uint64 voteStartBlock,
            uint64 voteEndBlock,
            uint64 executableAtBlock,
            uint64 expiresAtBlock,
            uint256 quadraticTotal,
            uint256 quorum,
            uint256 cap
        );

    /// @notice The votes a proposal has received so far, each the sum of the voters' capped powers.
    /// @dev Anyone may call. Reverts if the proposal does not exist.
    /// @param proposalId the proposal
    /// @return againstVotes the power voting against
    /// @return forVotes the power voting for
    /// @return abstainVotes the power abstaining (counts toward quorum only)
    function proposalVotes(uint256 proposalId)
        external
        view
        returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes);

    /// @notice Whether a member has voted on a proposal.
    /// @dev Anyone may call. Reverts if the proposal does not exist.
    /// @param proposalId the proposal
    /// @param memberId the member (organisation)
    /// @return voted true if any of the member's accounts voted
    function hasVoted(uint256 proposalId, bytes32 memberId) external view returns (bool voted);

    /// @notice The capped quadratic power an account's member has at a past block, as a vote with
    /// that snapshot would count it.
    /// @dev Anyone may call. Uses the account's member and capBps as they are now (a proposal's own
    /// weights use the values fixed at its creation). An account that is not permitted answers 0.
    /// Reverts unless `blockNumber` is below the current block number.
    /// @param account the account
    /// @param blockNumber a mined block
    /// @return power min(isqrt(member balance), capBps * Q / 10000) at that block
    function votingPower(address account, uint256 blockNumber) external view returns (uint256 power);

    /// @notice The number of proposals ever created; ids run from 1 to this number.
    /// @dev Anyone may call. Never reverts.
    /// @return count the number of proposals
    function proposalCount() external view returns (uint256 count);

    /// @notice The current value of a governed parameter.
    /// @dev Anyone may call. Reverts if the name is not one of the seven governed parameters.
    /// @param name the parameter's ASCII name right-padded to 32 bytes, e.g. "capBps"
    /// @return value the value in force: the last executed SetParameter, else genesis, else default
    function getParameter(bytes32 name) external view returns (uint256 value);
}
