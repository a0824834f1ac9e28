// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title QuadraticGovernor, the native contract at 0x0000000000000000000000000000000000001004
/// @notice Consortium governance by token-weighted quadratic voting with caps: members
/// (organisations) propose changes to the governed parameters or to Permissions (accounts, roles,
/// nodes, validators), vote on them, and anyone carries out a passed proposal after its timelock.
/// @dev Implemented in Java by the node, not by EVM code. It is the only caller Permissions accepts
/// for its writes (renounceRole aside), and the only writer of the governed parameters after
/// genesis. Failures revert with a readable `Error(string)` reason and change nothing.
///
/// Voting rule. Weight belongs to a member, not to an account, so splitting tokens across accounts
/// gains nothing. At a proposal's snapshot block (creation block - 1, so tokens moved in the
/// creation block or later do not count): raw(m) = the sum of the ContributionToken balances of
/// member m's permitted accounts; q(m) = isqrt(raw(m)), the floor of the square root; Q = the sum of
/// q over all members; cap = capBps * Q / 10000; power(m) = min(isqrt(raw(m)), cap). A member votes
/// once per proposal, through any of its accounts, with power(m). A proposal passes if
/// for > against and for + against + abstain >= quorum, where quorum = quorumBps * Q / 10000, so a
/// turnout exactly at the quorum passes. Every division rounds down.
///
/// Schedule. A proposal keeps the parameters in force when it was created, so a parameter change
/// never alters a vote already under way. With creation block b: snapshotBlock = b - 1,
/// voteStart = b + votingDelay, voteEnd = voteStart + votingPeriod (votes are accepted in every block
/// from voteStart through voteEnd, both included), eta = voteEnd + timelockBlocks (the first block
/// a passed proposal may be executed in), and expiresAt = eta + EXECUTION_GRACE_BLOCKS (the first
/// block in which a passed, unexecuted proposal is Expired, so a stale decision is never applied).
///
/// States, as `state` answers them for the block a call runs in, decided in this order:
/// 7 Executed once executed and 2 Canceled once canceled, whatever the block; 0 Pending before
/// voteStart; 1 Active from voteStart through voteEnd; after voteEnd, 3 Defeated unless it passed;
/// a passed proposal is 5 Queued before eta, 4 Succeeded (executable) from eta until expiresAt, and
/// 6 Expired from expiresAt on.
///
/// Proposal ids are 1, 2, 3, …; a function given an id that was never assigned reverts, naming the
/// ids that exist. Kinds, with the parameter list whose canonical ABI encoding (one 32-byte word per
/// parameter, no selector) is the payload: 0 SetParameter(bytes32 name, uint256 value),
/// 1 AddAccount(address account, bytes32 memberId), 2 RemoveAccount(address account),
/// 3 GrantRole(bytes32 role, address account), 4 RevokeRole(bytes32 role, address account),
/// 5 AddNode(address node), 6 RemoveNode(address node), 7 AddValidator(address validator),
/// 8 RemoveValidator(address validator). A role is keccak256 of MODEL_OWNER, AGGREGATOR,
/// CONTRIBUTOR or AUDITOR. What can be checked without the chain's state is checked by `propose`;
/// what depends on it (e.g. an account already permitted, the last validator) by `execute`.
///
/// Governed parameters, by ASCII name right-padded to 32 bytes, with default and inclusive bounds:
/// capBps (1000; 1..10000), quorumBps (2000; 1..10000), votingDelay (1 block; 1..2^32-1),
/// votingPeriod (30 blocks; 1..2^32-1), timelockBlocks (2 blocks; 1..2^32-1), proposalThreshold
/// (1e18 base units, one token; 1..2^192-1), maxRewardPerRound (1000e18 base units; 1..2^192-1).
interface IQuadraticGovernor {
    /// @notice A proposal was created; with `ProposalTerms` it carries everything `getProposal`
    /// answers, so an indexer can follow the proposal from logs alone.
    /// @dev Emitted by `propose`, immediately before `ProposalTerms`.
    /// @param proposalId the new proposal's id
    /// @param proposer the account that proposed it; the only one that may cancel it
    /// @param memberId the proposer's member, whose balance met the proposal threshold
    /// @param kind the proposal kind, 0..8
    /// @param payload the ABI-encoded parameters of the kind
    /// @param description the proposer's explanation for voters
    /// @param snapshotBlock the block whose balances count: creation block - 1
    /// @param voteStart the first block in which votes are accepted
    /// @param voteEnd the last block in which votes are accepted
    /// @param quadraticTotal Q, the sum over all members of isqrt(raw balance) at the snapshot block
    event ProposalCreated(
        uint256 indexed proposalId,
        address indexed proposer,
        bytes32 indexed memberId,
        uint8 kind,
        bytes payload,
        string description,
        uint64 snapshotBlock,
        uint64 voteStart,
        uint64 voteEnd,
        uint256 quadraticTotal
    );

    /// @notice The rest of a new proposal's terms: when it becomes executable and expires, and the
    /// quorum and cap it was given from the parameters in force at its creation.
    /// @dev Emitted by `propose`, immediately after `ProposalCreated`.
    /// @param proposalId the new proposal's id
    /// @param eta the first block in which the proposal, if passed, may be executed
    /// @param expiresAt the first block in which the proposal, if passed and not executed, is Expired
    /// @param quorum the votes (for + against + abstain) it needs: quorumBps * Q / 10000
    /// @param cap the largest power any member votes with on it: capBps * Q / 10000
    event ProposalTerms(uint256 indexed proposalId, uint64 eta, uint64 expiresAt, uint256 quorum, uint256 cap);

    /// @notice A member voted on a proposal.
    /// @dev Emitted by `castVote`.
    /// @param proposalId the proposal
    /// @param voter the member's account that sent the vote
    /// @param memberId the voting member
    /// @param support 0 against, 1 for, 2 abstain
    /// @param weight the power counted: min(isqrt(rawBalance), the proposal's cap)
    /// @param rawBalance the member's token balance at the snapshot block, in base units
    event VoteCast(
        uint256 indexed proposalId,
        address indexed voter,
        bytes32 indexed memberId,
        uint8 support,
        uint256 weight,
        uint256 rawBalance
    );

    /// @notice A passed proposal was carried out.
    /// @dev Emitted by `execute`, after the events of the change itself: `ParameterChanged` from
    /// this contract, or the Permissions event(s) from 0x…1000.
    /// @param proposalId the proposal
    event ProposalExecuted(uint256 indexed proposalId);

    /// @notice A proposal was withdrawn by its proposer before voting started.
    /// @dev Emitted by `cancel`.
    /// @param proposalId the proposal
    event ProposalCanceled(uint256 indexed proposalId);

    /// @notice A governed parameter changed.
    /// @dev Emitted by `execute` of a SetParameter proposal, before `ProposalExecuted` in the same
    /// transaction (which names the proposal). Values set by the genesis file emit nothing.
    /// @param name the parameter's ASCII name, right-padded to 32 bytes
    /// @param oldValue the value in force before: the last one set, else the genesis one, else the
    /// default
    /// @param newValue the value in force from now on
    event ParameterChanged(bytes32 indexed name, uint256 oldValue, uint256 newValue);

    /// @notice Creates a proposal; voting opens votingDelay blocks later.
    /// @dev The caller must be a permitted account whose member held at least proposalThreshold
    /// token base units at the snapshot block (the previous block). Reverts in the genesis block, if
    /// `kind` is above 8, if `payload` is not exactly the canonical ABI encoding of the kind's
    /// parameters, if a SetParameter names an unknown parameter or a value outside its bounds, if a
    /// role is unknown, if the account of AddAccount or GrantRole, the node of AddNode or the
    /// validator of AddValidator is the zero address, if the member id of AddAccount is zero, if
    /// `description` is longer than MAX_DESCRIPTION_BYTES bytes of UTF-8, if the caller is not a
    /// permitted account, or if its member's balance is below the threshold. Emits
    /// `ProposalCreated`, then `ProposalTerms`.
    /// @param kind what the proposal does, 0..8 (see the contract's documentation)
    /// @param payload the ABI-encoded parameters of the kind
    /// @param description the explanation for voters; may be empty
    /// @return proposalId the new proposal's id, proposalCount() after the call
    function propose(uint8 kind, bytes calldata payload, string calldata description)
        external
        returns (uint256 proposalId);

    /// @notice Casts the caller's member's vote with its quadratic, capped power.
    /// @dev The caller must be a permitted account. Reverts if the proposal does not exist,
    /// `support` is above 2, the proposal is not Active, the caller is not a permitted account, its
    /// member already voted on the proposal (through any account), or the member's power is zero
    /// (no tokens at the snapshot block, or a cap of zero). Emits `VoteCast`.
    /// @param proposalId the proposal
    /// @param support 0 against, 1 for, 2 abstain
    function castVote(uint256 proposalId, uint8 support) external;

    /// @notice Carries out a passed proposal once its timelock is over.
    /// @dev Anyone may call. Reverts if the proposal does not exist or is not Succeeded (still
    /// Pending or Active, Defeated, Queued, Expired, Canceled or already Executed), or if Permissions
    /// refuses the change (e.g. "account 0x… is already permitted", or removing the last
    /// validator); after such a refusal the proposal stays Succeeded until it expires. Emits the
    /// change's events, then `ProposalExecuted`.
    /// @param proposalId the proposal
    function execute(uint256 proposalId) external;

    /// @notice Withdraws a proposal before its voting starts.
    /// @dev Only the proposer may call, and only while the proposal is Pending. Reverts if the
    /// proposal does not exist, the caller is not its proposer, or it is not Pending. Emits
    /// `ProposalCanceled`.
    /// @param proposalId the proposal
    function cancel(uint256 proposalId) external;

    /// @notice Where a proposal stands in the block the call runs in.
    /// @dev Anyone may call. Reverts if the proposal does not exist.
    /// @param proposalId the proposal
    /// @return the state: 0 Pending, 1 Active, 2 Canceled, 3 Defeated, 4 Succeeded, 5 Queued,
    /// 6 Expired, 7 Executed
    function state(uint256 proposalId) external view returns (uint8);

    /// @notice A proposal's content, schedule and the thresholds fixed at its creation.
    /// @dev Anyone may call. Reverts if the proposal does not exist.
    /// @param proposalId the proposal
    /// @return proposer the account that proposed it
    /// @return memberId the proposer's member when it proposed
    /// @return kind the proposal kind, 0..8
    /// @return payload the ABI-encoded parameters of the kind
    /// @return description the proposer's explanation
    /// @return snapshotBlock the block whose balances count: creation block - 1
    /// @return voteStart the first block in which votes are accepted
    /// @return voteEnd the last block in which votes are accepted
    /// @return eta the first block in which it may be executed if passed; it expires at
    /// eta + EXECUTION_GRACE_BLOCKS
    /// @return quorum the votes (for + against + abstain) it needs
    /// @return cap the largest power any member votes with on it
    /// @return quadraticTotal Q at the snapshot block
    function getProposal(uint256 proposalId)
        external
        view
        returns (
            address proposer,
            bytes32 memberId,
            uint8 kind,
            bytes memory payload,
            string memory description,
            uint64 snapshotBlock,
            uint64 voteStart,
            uint64 voteEnd,
            uint64 eta,
            uint256 quorum,
            uint256 cap,
            uint256 quadraticTotal
        );

    /// @notice The votes a proposal has received so far, each side the sum of its voters' capped
    /// powers.
    /// @dev Anyone may call. Reverts if the proposal does not exist.
    /// @param proposalId the proposal
    /// @return againstVotes the power voting against
    /// @return forVotes the power voting for
    /// @return abstainVotes the power abstaining, which counts toward the quorum only
    function proposalVotes(uint256 proposalId)
        external
        view
        returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes);

    /// @notice The capped quadratic power an account's member had at the end of a mined block, as
    /// a vote on a proposal with that snapshot block would count it.
    /// @dev Anyone may call. Uses the account's member as Permissions has it now and the capBps in
    /// force now (a proposal's own weights use the cap fixed at its creation), with raw(member) and
    /// Q at `blockNumber`. An account that is not permitted answers 0. Reverts unless `blockNumber`
    /// is below the number of the block the call runs in.
    /// @param account the account
    /// @param blockNumber a mined block
    /// @return the power: min(isqrt(raw(member)), capBps * Q / 10000) at that block
    function votingPower(address account, uint256 blockNumber) external view returns (uint256);

    /// @notice Whether a member has voted on a proposal.
    /// @dev Anyone may call. Reverts if the proposal does not exist.
    /// @param proposalId the proposal
    /// @param memberId the member (organisation)
    /// @return true if one of the member's accounts voted on it
    function hasVoted(uint256 proposalId, bytes32 memberId) external view returns (bool);

    /// @notice How a member voted on a proposal.
    /// @dev Anyone may call. Reverts if the proposal does not exist. A member that has not voted
    /// answers (false, address(0), 0, 0).
    /// @param proposalId the proposal
    /// @param memberId the member (organisation)
    /// @return hasVoted true if one of the member's accounts voted on it
    /// @return voter the account that sent the vote
    /// @return support 0 against, 1 for, 2 abstain
    /// @return weight the power the vote counted with
    function getReceipt(uint256 proposalId, bytes32 memberId)
        external
        view
        returns (bool hasVoted, address voter, uint8 support, uint256 weight);

    /// @notice The number of proposals ever created; ids run from 1 to this number.
    /// @dev Anyone may call. Never reverts.
    /// @return the number of proposals
    function proposalCount() external view returns (uint256);

    /// @notice How many blocks a passed proposal stays executable after its eta: 86400, a day of
    /// one-second blocks.
    /// @dev Anyone may call. Never reverts. A constant of the node, not a governed parameter.
    /// @return the number of blocks
    function EXECUTION_GRACE_BLOCKS() external view returns (uint256);

    /// @notice The longest description `propose` accepts, in bytes of UTF-8: 2048.
    /// @dev Anyone may call. Never reverts. A constant of the node, not a governed parameter.
    /// @return the number of bytes
    function MAX_DESCRIPTION_BYTES() external view returns (uint256);

    /// @notice The current value of a governed parameter.
    /// @dev Anyone may call. Reverts if `name` is not one of the seven governed parameters.
    /// @param name the parameter's ASCII name right-padded to 32 bytes, e.g. "capBps"
    /// @return the value in force: the last executed SetParameter, else the genesis value, else the
    /// default
    function getParameter(bytes32 name) external view returns (uint256);

    /// @notice The inclusive range of values a SetParameter proposal may give a parameter.
    /// @dev Anyone may call. Reverts if `name` is not one of the seven governed parameters.
    /// @param name the parameter's ASCII name right-padded to 32 bytes, e.g. "capBps"
    /// @return min the smallest value allowed, never zero
    /// @return max the largest value allowed
    function getParameterBounds(bytes32 name) external view returns (uint256 min, uint256 max);
}
