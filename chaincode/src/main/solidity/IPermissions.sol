// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title Permissions, the native contract at 0x0000000000000000000000000000000000001000
/// @notice Who may send transactions (accounts, each belonging to one member organisation), which
/// roles they hold, which nodes may connect and which of those nodes validate blocks.
/// @dev Implemented in Java by the node, not by EVM code. Written by the genesis file and afterwards
/// only by executed governance proposals: every write except `renounceRole` requires the caller to
/// be the QuadraticGovernor at 0x…1004. A role id is keccak256 of the role's name, e.g.
/// keccak256("CONTRIBUTOR"). Failures revert with a readable `Error(string)` reason and change
/// nothing. Genesis seeding emits no events; every later change emits one event per effect.
interface IPermissions {
    /// @notice An account was permitted to send transactions, as a member's account.
    /// @dev Emitted by `addAccount`.
    /// @param account the permitted account
    /// @param memberId the member (organisation) the account belongs to
    event AccountAdded(address indexed account, bytes32 indexed memberId);

    /// @notice An account lost its permission to send transactions.
    /// @dev Emitted by `removeAccount`, after one `RoleRevoked` for each role the account held.
    /// @param account the removed account
    /// @param memberId the member the account belonged to
    event AccountRemoved(address indexed account, bytes32 indexed memberId);

    /// @notice A role was granted to a permitted account.
    /// @dev Emitted by `grantRole`.
    /// @param role keccak256 of the role name
    /// @param account the account that now holds the role
    event RoleGranted(bytes32 indexed role, address indexed account);

    /// @notice An account no longer holds a role.
    /// @dev Emitted by `revokeRole`, by `renounceRole`, and by `removeAccount` for each role the
    /// removed account held.
    /// @param role keccak256 of the role name
    /// @param account the account that lost the role
    event RoleRevoked(bytes32 indexed role, address indexed account);

    /// @notice A node (identified by the address of its node key) joined the node allowlist.
    /// @dev Emitted by `addNode`.
    /// @param node the node's address
    event NodeAdded(address indexed node);

    /// @notice A node left the node allowlist; peers refuse its connections from now on.
    /// @dev Emitted by `removeNode`.
    /// @param node the node's address
    event NodeRemoved(address indexed node);

    /// @notice A node joined the validator set, effective at the next block boundary.
    /// @dev Emitted by `addValidator`.
    /// @param validator the validator's node address
    event ValidatorAdded(address indexed validator);

    /// @notice A node left the validator set, effective at the next block boundary.
    /// @dev Emitted by `removeValidator`.
    /// @param validator the validator's node address
    event ValidatorRemoved(address indexed validator);

    /// @notice Whether an account may send transactions.
    /// @dev Anyone may call. Never reverts.
    /// @param account the account to check
    /// @return allowed true if the account is on the allowlist
    function isAccountAllowed(address account) external view returns (bool allowed);

    /// @notice The member (organisation) an account belongs to.
    /// @dev Anyone may call. Never reverts.
    /// @param account the account to look up
    /// @return memberId the member id, or zero if the account is not permitted
    function memberOf(address account) external view returns (bytes32 memberId);

    /// @notice Whether an account holds a role.
    /// @dev Anyone may call. Never reverts: an unknown role id answers false.
    /// @param role keccak256 of the role name, e.g. keccak256("CONTRIBUTOR")
    /// @param account the account to check
    /// @return granted true if the account holds the role
    function hasRole(bytes32 role, address account) external view returns (bool granted);

    /// @notice Whether a node may connect to the network.
    /// @dev Anyone may call. Never reverts.
    /// @param node the address of the node's key
    /// @return allowed true if the node is on the node allowlist
    function isNodeAllowed(address node) external view returns (bool allowed);

    /// @notice The current validator set.
    /// @dev Anyone may call. Never reverts.
    /// @return validators the validators' node addresses, in the order they were added
    function getValidators() external view returns (address[] memory validators);

    /// @notice Whether a node is in the validator set.
    /// @dev Anyone may call. Never reverts.
    /// @param validator the node address to check
    /// @return isMember true if the node validates
    function isValidator(address validator) external view returns (bool isMember);

    /// @notice Every permitted account.
    /// @dev Anyone may call. Never reverts. For large allowlists page with `accountCount` and
    /// `accountAt` instead.
    /// @return accounts the permitted accounts; the order is not meaningful and changes on removal
    function getAccounts() external view returns (address[] memory accounts);

    /// @notice The number of permitted accounts.
    /// @dev Anyone may call. Never reverts.
    /// @return count the number of permitted accounts
    function accountCount() external view returns (uint256 count);

    /// @notice One permitted account, by position, for paging through the allowlist.
    /// @dev Anyone may call. Reverts if `index` is not below `accountCount()`.
    /// @param index a position from 0 to accountCount() - 1
    /// @return account the account at that position
    function accountAt(uint256 index) external view returns (address account);

    /// @notice The node allowlist.
    /// @dev Anyone may call. Never reverts.
    /// @return nodes the allowed nodes' addresses
    function getNodes() external view returns (address[] memory nodes);

    /// @notice The accounts holding a role.
    /// @dev Anyone may call. Never reverts: an unknown role id answers an empty list.
    /// @param role keccak256 of the role name
    /// @return accounts the accounts holding the role
    function getRoleMembers(bytes32 role) external view returns (address[] memory accounts);

    /// @notice Every member (organisation) with at least one permitted account.
    /// @dev Anyone may call. Never reverts.
    /// @return memberIds the member ids
    function getMembers() external view returns (bytes32[] memory memberIds);

    /// @notice The permitted accounts of one member.
    /// @dev Anyone may call. Never reverts: an unknown member answers an empty list.
    /// @param memberId the member id
    /// @return accounts the member's permitted accounts
    function getMemberAccounts(bytes32 memberId) external view returns (address[] memory accounts);

    /// @notice The only caller allowed to change permissions after genesis.
    /// @dev Anyone may call. Never reverts.
    /// @return governor the QuadraticGovernor's address, 0x…1004
    function GOVERNOR() external view returns (address governor);

    /// @notice The id of the MODEL_OWNER role: may register models.
    /// @dev Anyone may call. Never reverts.
    /// @return role keccak256("MODEL_OWNER")
    function MODEL_OWNER_ROLE() external view returns (bytes32 role);

    /// @notice The id of the AGGREGATOR role: may open and finalize a model's rounds.
    /// @dev Anyone may call. Never reverts.
    /// @return role keccak256("AGGREGATOR")
    function AGGREGATOR_ROLE() external view returns (bytes32 role);

    /// @notice The id of the CONTRIBUTOR role: may submit model updates.
    /// @dev Anyone may call. Never reverts.
    /// @return role keccak256("CONTRIBUTOR")
    function CONTRIBUTOR_ROLE() external view returns (bytes32 role);

    /// @notice The id of the AUDITOR role: may endorse and revoke datasets.
    /// @dev Anyone may call. Never reverts.
    /// @return role keccak256("AUDITOR")
    function AUDITOR_ROLE() external view returns (bytes32 role);

    /// @notice Permits an account to send transactions as an account of a member.
    /// @dev Only the governor (executing an AddAccount proposal) may call. Reverts if the caller is
    /// not the governor, the account is the zero address or already permitted, or `memberId` is
    /// zero. Emits `AccountAdded`.
    /// @param account the account to permit
    /// @param memberId the member (organisation) it belongs to; must not be zero
    function addAccount(address account, bytes32 memberId) external;

    /// @notice Removes an account from the allowlist, together with all its roles.
    /// @dev Only the governor (executing a RemoveAccount proposal) may call. Reverts if the caller is
    /// not the governor or the account is not permitted. Emits `RoleRevoked` for each role it held,
    /// then `AccountRemoved`.
    /// @param account the account to remove
    function removeAccount(address account) external;

    /// @notice Grants a role to a permitted account.
    /// @dev Only the governor (executing a GrantRole proposal) may call. Reverts if the caller is
    /// not the governor, the role is not one of the four known roles, the account is not permitted,
    /// or it already holds the role. Emits `RoleGranted`.
    /// @param role keccak256 of the role name
    /// @param account the account to grant it to
    function grantRole(bytes32 role, address account) external;

    /// @notice Takes a role away from an account.
    /// @dev Only the governor (executing a RevokeRole proposal) may call. Reverts if the caller is
    /// not the governor, the role is unknown, or the account does not hold it. Emits `RoleRevoked`.
    /// @param role keccak256 of the role name
    /// @param account the account to revoke it from
    function revokeRole(bytes32 role, address account) external;

    /// @notice Gives up one of the caller's own roles, e.g. a contributor leaving training.
    /// @dev Any account may call for itself; needs no governance since losing a right harms no one
    /// else. Reverts if the role is unknown or the caller does not hold it. Emits `RoleRevoked`.
    /// @param role keccak256 of the role name
    function renounceRole(bytes32 role) external;

    /// @notice Adds a node to the node allowlist.
    /// @dev Only the governor (executing an AddNode proposal) may call. Reverts if the caller is not
    /// the governor, the node is the zero address, or it is already allowed. Emits `NodeAdded`.
    /// @param node the address of the node's key
    function addNode(address node) external;

    /// @notice Removes a node from the node allowlist.
    /// @dev Only the governor (executing a RemoveNode proposal) may call. Reverts if the caller is
    /// not the governor, the node is a validator (remove it from the validator set first), or it is
    /// not allowed. Emits `NodeRemoved`.
    /// @param node the address of the node's key
    function removeNode(address node) external;

    /// @notice Adds an allowed node to the validator set.
    /// @dev Only the governor (executing an AddValidator proposal) may call. Reverts if the caller is
    /// not the governor, the node is not on the node allowlist, or it already validates. Emits
    /// `ValidatorAdded`.
    /// @param validator the node address
    function addValidator(address validator) external;

    /// @notice Removes a node from the validator set.
    /// @dev Only the governor (executing a RemoveValidator proposal) may call. Reverts if the caller
    /// is not the governor, the node is not a validator, or it is the last validator. Emits
    /// `ValidatorRemoved`.
    /// @param validator the node address
    function removeValidator(address validator) external;
}
