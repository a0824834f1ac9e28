// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title The role part of Permissions, as an EVM contract, for comparing with other nodes
/// @notice Only for the load generator: anvil has no native contracts, so the submitUpdate workload
/// deploys this, BenchDataProvenance and BenchModelRegistry there. The deployer stands in for the
/// governor and is the only one who may grant roles or permit accounts. Function signatures and
/// role ids are those of the native Permissions contract.
contract BenchPermissions {
    bytes32 public constant MODEL_OWNER_ROLE = keccak256("MODEL_OWNER");
    bytes32 public constant AGGREGATOR_ROLE = keccak256("AGGREGATOR");
    bytes32 public constant CONTRIBUTOR_ROLE = keccak256("CONTRIBUTOR");
    bytes32 public constant AUDITOR_ROLE = keccak256("AUDITOR");

    address public immutable GOVERNOR;

    mapping(address => bytes32) private members;
    mapping(bytes32 => mapping(address => bool)) private roles;

    event AccountAdded(address indexed account, bytes32 indexed memberId);
    event RoleGranted(bytes32 indexed role, address indexed account);

    constructor() {
        GOVERNOR = msg.sender;
    }

    modifier onlyGovernor() {
        require(msg.sender == GOVERNOR, "only the governor may change permissions");
        _;
    }

    function addAccount(address account, bytes32 memberId) external onlyGovernor {
        require(account != address(0), "account must not be zero");
        require(memberId != bytes32(0), "member id must not be zero");
        require(members[account] == bytes32(0), "account is already permitted");
        members[account] = memberId;
        emit AccountAdded(account, memberId);
    }

    function grantRole(bytes32 role, address account) external onlyGovernor {
        require(
            role == MODEL_OWNER_ROLE || role == AGGREGATOR_ROLE || role == CONTRIBUTOR_ROLE
                || role == AUDITOR_ROLE,
            "unknown role"
        );
        require(members[account] != bytes32(0), "account is not permitted");
        require(!roles[role][account], "account already holds the role");
        roles[role][account] = true;
        emit RoleGranted(role, account);
    }

    function isAccountAllowed(address account) external view returns (bool) {
        return members[account] != bytes32(0);
    }

    function memberOf(address account) external view returns (bytes32) {
        return members[account];
    }

    function hasRole(bytes32 role, address account) external view returns (bool) {
        return roles[role][account];
    }
}
