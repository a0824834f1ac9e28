// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {BenchPermissions} from "./BenchPermissions.sol";

/// @title The attest / revoke / isTainted part of DataProvenance, as an EVM contract
/// @notice Only for the load generator's comparison with anvil. Same signatures, events and rules
/// as the native contract for what it has: a permitted account attests a dataset once, citing at
/// most MAX_PARENTS distinct existing parents; the owner or an auditor revokes it, which taints
/// every descendant; isTainted walks the ancestors breadth-first, at most MAX_LINEAGE_NODES.
contract BenchDataProvenance {
    uint256 public constant MAX_PARENTS = 16;
    uint256 public constant MAX_LINEAGE_NODES = 256;
    uint256 public constant MAX_URI_BYTES = 2048;
    uint256 public constant MAX_LICENSE_BYTES = 256;

    struct Dataset {
        address owner;
        uint64 attestedAtBlock;
        bool revoked;
        bytes32 contentHash;
        string uri;
        string license;
        bytes32[] parents;
        bytes32[] children;
    }

    BenchPermissions public immutable permissions;
    mapping(bytes32 => Dataset) private datasets;

    event DatasetAttested(
        bytes32 indexed datasetId, address indexed owner, bytes32 contentHash, string uri, string license, bytes32[] parents
    );
    event DatasetRevoked(bytes32 indexed datasetId, address indexed revokedBy, bytes32 reasonHash);

    constructor(BenchPermissions permissions_) {
        permissions = permissions_;
    }

    function attest(
        bytes32 datasetId,
        bytes32 contentHash,
        string calldata uri,
        string calldata license,
        bytes32[] calldata parents
    ) external {
        require(permissions.isAccountAllowed(msg.sender), "account is not permitted and cannot own datasets");
        require(datasetId != bytes32(0), "dataset id must not be zero");
        require(contentHash != bytes32(0), "content hash must not be zero");
        require(bytes(uri).length <= MAX_URI_BYTES, "uri is too long");
        require(bytes(license).length <= MAX_LICENSE_BYTES, "license is too long");
        Dataset storage dataset = datasets[datasetId];
        require(dataset.owner == address(0), "dataset already exists");
        require(parents.length <= MAX_PARENTS, "too many parents");
        for (uint256 i = 0; i < parents.length; i++) {
            require(datasets[parents[i]].owner != address(0), "parent dataset is not attested");
            for (uint256 j = 0; j < i; j++) {
                require(parents[j] != parents[i], "parent is cited twice");
            }
            datasets[parents[i]].children.push(datasetId);
        }
        dataset.owner = msg.sender;
        dataset.attestedAtBlock = uint64(block.number);
        dataset.contentHash = contentHash;
        dataset.uri = uri;
        dataset.license = license;
        dataset.parents = parents;
        emit DatasetAttested(datasetId, msg.sender, contentHash, uri, license, parents);
    }

    function revoke(bytes32 datasetId, bytes32 reasonHash) external {
        Dataset storage dataset = datasets[datasetId];
        require(dataset.owner != address(0), "dataset is not attested");
        require(
            dataset.owner == msg.sender || permissions.hasRole(permissions.AUDITOR_ROLE(), msg.sender),
            "caller is neither the owner nor an auditor"
        );
        require(!dataset.revoked, "dataset is already revoked");
        dataset.revoked = true;
        emit DatasetRevoked(datasetId, msg.sender, reasonHash);
    }

    function exists(bytes32 datasetId) external view returns (bool) {
        return datasets[datasetId].owner != address(0);
    }

    function parentsOf(bytes32 datasetId) external view returns (bytes32[] memory) {
        require(datasets[datasetId].owner != address(0), "dataset is not attested");
        return datasets[datasetId].parents;
    }

    /// @dev Breadth-first over the lineage, nearest revoked ancestor first; a dataset reachable
    /// along several paths is visited once (a linear scan of the visited list, which stays small).
    function isTainted(bytes32 datasetId) public view returns (bool) {
        bytes32[] memory queue = new bytes32[](MAX_LINEAGE_NODES);
        uint256 head = 0;
        uint256 tail = 1;
        queue[0] = datasetId;
        while (head < tail) {
            Dataset storage dataset = datasets[queue[head++]];
            if (dataset.revoked) {
                return true;
            }
            bytes32[] storage parents = dataset.parents;
            for (uint256 i = 0; i < parents.length; i++) {
                bytes32 parent = parents[i];
                bool seen = false;
                for (uint256 k = 0; k < tail && !seen; k++) {
                    seen = queue[k] == parent;
                }
                if (!seen) {
                    require(tail < MAX_LINEAGE_NODES, "lineage exceeds MAX_LINEAGE_NODES datasets");
                    queue[tail++] = parent;
                }
            }
        }
        return false;
    }
}
