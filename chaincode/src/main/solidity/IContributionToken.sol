// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title ContributionToken, the native contract at 0x0000000000000000000000000000000000001003
/// @notice The AI Contribution Token (ACT): an ERC-20 earned by accepted model updates and used to
/// vote in governance, with balance history so votes count balances at a past block.
/// @dev Implemented in Java by the node. Tokens are minted only by the genesis allocation and by
/// ModelRegistry's `finalizeRound`; a mint shows as `Transfer` from address(0). Every recipient must
/// be a permitted account (Permissions, 0x…1000). Balances are also summed per member
/// (organisation), because governance weight belongs to members, and Q, the sum over members of
/// isqrt(member balance), is checkpointed for quadratic voting. History queries are O(log n) and
/// need a block that is already mined. Failures revert with a readable `Error(string)` reason and
/// change nothing.
interface IContributionToken {
    /// @notice Tokens moved between accounts, or were minted (from address(0)).
    /// @dev Emitted by `transfer`, `transferFrom` and reward mints; genesis allocations emit none.
    /// @param from the sender, address(0) for a mint
    /// @param to the recipient
    /// @param value the amount in base units (18 decimals)
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice An owner set a spender's allowance.
    /// @dev Emitted by `approve`.
    /// @param owner the token owner
    /// @param spender the account allowed to spend
    /// @param value the new allowance in base units
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice The token's name.
    /// @dev Anyone may call. Never reverts.
    /// @return tokenName "AI Contribution Token"
    function name() external view returns (string memory tokenName);

    /// @notice The token's ticker symbol.
    /// @dev Anyone may call. Never reverts.
    /// @return tokenSymbol "ACT"
    function symbol() external view returns (string memory tokenSymbol);

    /// @notice The number of decimals of the base unit.
    /// @dev Anyone may call. Never reverts.
    /// @return places 18
    function decimals() external view returns (uint8 places);

    /// @notice All tokens in existence.
    /// @dev Anyone may call. Never reverts.
    /// @return supply the total supply in base units
    function totalSupply() external view returns (uint256 supply);

    /// @notice An account's current balance.
    /// @dev Anyone may call. Never reverts.
    /// @param account the account
    /// @return balance its balance in base units
    function balanceOf(address account) external view returns (uint256 balance);

    /// @notice Sends tokens from the caller to a permitted account.
    /// @dev Any account may call. Reverts if `to` is address(0) or not a permitted account, or the
    /// caller's balance is below `amount`. Emits `Transfer`.
    /// @param to the recipient, a permitted account
    /// @param amount the amount in base units
    /// @return success always true; failures revert
    function transfer(address to, uint256 amount) external returns (bool success);

    /// @notice Lets a spender move up to `amount` of the caller's tokens.
    /// @dev Any account may call. Replaces any earlier allowance; never adds to it. Emits
    /// `Approval`.
    /// @param spender the account allowed to spend
    /// @param amount the allowance in base units
    /// @return success always true; failures revert
    function approve(address spender, uint256 amount) external returns (bool success);

    /// @notice How much a spender may still move from an owner's balance.
    /// @dev Anyone may call. Never reverts.
    /// @param owner the token owner
    /// @param spender the spender
    /// @return remaining the allowance in base units
    function allowance(address owner, address spender) external view returns (uint256 remaining);

    /// @notice Moves tokens from an owner to a permitted account using the caller's allowance.
    /// @dev Any account may call. Reverts if the caller's allowance from `from` or `from`'s balance
    /// is below `amount`, or `to` is address(0) or not permitted. Lowers the allowance by `amount`.
    /// Emits `Transfer`.
    /// @param from the token owner
    /// @param to the recipient, a permitted account
    /// @param amount the amount in base units
    /// @return success always true; failures revert
    function transferFrom(address from, address to, uint256 amount) external returns (bool success);

    /// @notice An account's balance at the end of a past block.
    /// @dev Anyone may call. Reverts with "block N is not yet mined" unless `blockNumber` is below the
    /// current block number.
    /// @param account the account
    /// @param blockNumber a mined block
    /// @return balance the balance after that block, in base units
    function getPastBalance(address account, uint256 blockNumber) external view returns (uint256 balance);

    /// @notice The total supply at the end of a past block.
    /// @dev Anyone may call. Reverts unless `blockNumber` is below the current block number.
    /// @param blockNumber a mined block
    /// @return supply the total supply after that block, in base units
    function getPastTotalSupply(uint256 blockNumber) external view returns (uint256 supply);

    /// @notice Q now: the sum over members of the integer square root of their balances.
    /// @dev Anyone may call. Never reverts.
    /// @return total the current quadratic total, in square-root base units
    function getQuadraticTotal() external view returns (uint256 total);

    /// @notice A member's current balance: the sum over the member's permitted accounts.
    /// @dev Anyone may call. Never reverts: an unknown member answers zero.
    /// @param memberId the member (organisation)
    /// @return balance the member's raw balance in base units
    function getMemberBalance(bytes32 memberId) external view returns (uint256 balance);

    /// @notice A member's balance at the end of a past block, as quadratic voting counts it.
    /// @dev Anyone may call. Reverts unless `blockNumber` is below the current block number.
    /// @param memberId the member (organisation)
    /// @param blockNumber a mined block
    /// @return balance the member's raw balance after that block, in base units
    function getPastMemberBalance(bytes32 memberId, uint256 blockNumber) external view returns (uint256 balance);

    /// @notice Q at the end of a past block: the sum over members of isqrt(member balance).
    /// @dev Anyone may call. Reverts unless `blockNumber` is below the current block number.
    /// @param blockNumber a mined block
    /// @return total the quadratic total after that block
    function getPastQuadraticTotal(uint256 blockNumber) external view returns (uint256 total);
}
