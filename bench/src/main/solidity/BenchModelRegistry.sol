// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {BenchPermissions} from "./BenchPermissions.sol";
import {BenchDataProvenance} from "./BenchDataProvenance.sol";

/// @title The registerModel / openRound / submitUpdate part of ModelRegistry, as an EVM contract
/// @notice Only for the load generator's comparison with anvil. Same signatures, events and rules
/// as the native contract for what it has: a MODEL_OWNER registers a model with an AGGREGATOR, the
/// aggregator opens rounds 1, 2, 3, … one at a time with a deadline block and a capped reward pool,
/// and a CONTRIBUTOR submits one update per round while it is open and before the deadline, citing
/// at most MAX_DATASETS_PER_UPDATE distinct datasets that exist and are not tainted.
contract BenchModelRegistry {
    uint256 public constant MAX_DATASETS_PER_UPDATE = 32;
    uint256 public constant MAX_SUBMISSIONS_PER_ROUND = 256;
    uint256 public constant MAX_METADATA_URI_BYTES = 1024;

    uint8 private constant ROUND_OPEN = 1;
    uint8 private constant UPDATE_SUBMITTED = 1;

    struct Model {
        address owner;
        address aggregator;
        uint64 registeredAtBlock;
        uint64 latestRound;
        string metadataUri;
    }

    struct Round {
        uint8 status;
        uint64 deadlineBlock;
        bytes32 baseModelHash;
        uint256 rewardPool;
        address[] submitters;
    }

    struct Update {
        uint8 status;
        uint64 sampleCount;
        uint64 submittedAtBlock;
        bytes32 updateHash;
        bytes32 metricsHash;
        bytes32[] datasetIds;
    }

    BenchPermissions public immutable permissions;
    BenchDataProvenance public immutable provenance;
    /// @dev The governed maxRewardPerRound of the native chain, fixed here: there is no governor.
    uint256 public immutable maxRewardPerRound;

    mapping(bytes32 => Model) private models;
    mapping(bytes32 => mapping(uint64 => Round)) private rounds;
    mapping(bytes32 => mapping(uint64 => mapping(address => Update))) private updates;

    event ModelRegistered(
        bytes32 indexed modelId, address indexed owner, address indexed aggregator, string metadataUri
    );
    event RoundOpened(
        bytes32 indexed modelId, uint64 indexed round, bytes32 baseModelHash, uint256 rewardPool, uint64 deadlineBlock
    );
    event UpdateSubmitted(
        bytes32 indexed modelId,
        uint64 indexed round,
        address indexed contributor,
        bytes32 updateHash,
        uint64 sampleCount
    );
    event UpdateDatasets(
        bytes32 indexed modelId,
        uint64 indexed round,
        address indexed contributor,
        bytes32[] datasetIds,
        bytes32 metricsHash
    );

    constructor(BenchPermissions permissions_, BenchDataProvenance provenance_, uint256 maxRewardPerRound_) {
        permissions = permissions_;
        provenance = provenance_;
        maxRewardPerRound = maxRewardPerRound_;
    }

    function registerModel(bytes32 modelId, string calldata metadataUri, address aggregator) external {
        require(permissions.hasRole(permissions.MODEL_OWNER_ROLE(), msg.sender), "caller lacks role MODEL_OWNER");
        require(modelId != bytes32(0), "model id must not be zero");
        Model storage model = models[modelId];
        require(model.owner == address(0), "model is already registered");
        require(permissions.hasRole(permissions.AGGREGATOR_ROLE(), aggregator), "aggregator lacks role AGGREGATOR");
        require(bytes(metadataUri).length <= MAX_METADATA_URI_BYTES, "metadata URI is too long");
        model.owner = msg.sender;
        model.aggregator = aggregator;
        model.registeredAtBlock = uint64(block.number);
        model.metadataUri = metadataUri;
        emit ModelRegistered(modelId, msg.sender, aggregator, metadataUri);
    }

    function openRound(bytes32 modelId, uint64 round, bytes32 baseModelHash, uint256 rewardPool, uint64 deadlineBlock)
        external
    {
        Model storage model = models[modelId];
        require(model.owner != address(0), "model is not registered");
        require(model.aggregator == msg.sender, "caller is not the model's aggregator");
        uint64 latest = model.latestRound;
        require(latest == 0 || rounds[modelId][latest].status != ROUND_OPEN, "the latest round is still open");
        require(round == latest + 1, "round is out of order");
        require(deadlineBlock > block.number, "deadline block must be after the current block");
        require(rewardPool <= maxRewardPerRound, "reward pool exceeds maxRewardPerRound");
        model.latestRound = round;
        Round storage opened = rounds[modelId][round];
        opened.status = ROUND_OPEN;
        opened.deadlineBlock = deadlineBlock;
        opened.baseModelHash = baseModelHash;
        opened.rewardPool = rewardPool;
        emit RoundOpened(modelId, round, baseModelHash, rewardPool, deadlineBlock);
    }

    function submitUpdate(
        bytes32 modelId,
        uint64 round,
        bytes32 updateHash,
        bytes32[] calldata datasetIds,
        uint64 sampleCount,
        bytes32 metricsHash
    ) external {
        require(permissions.hasRole(permissions.CONTRIBUTOR_ROLE(), msg.sender), "caller lacks role CONTRIBUTOR");
        require(models[modelId].owner != address(0), "model is not registered");
        Round storage current = rounds[modelId][round];
        require(current.status == ROUND_OPEN, "round is not open");
        require(block.number <= current.deadlineBlock, "round stopped taking updates at its deadline");
        Update storage update = updates[modelId][round][msg.sender];
        require(update.status == 0, "contributor already submitted an update to this round");
        require(current.submitters.length < MAX_SUBMISSIONS_PER_ROUND, "round is full");
        require(datasetIds.length <= MAX_DATASETS_PER_UPDATE, "an update cites too many datasets");
        for (uint256 i = 0; i < datasetIds.length; i++) {
            for (uint256 j = 0; j < i; j++) {
                require(datasetIds[j] != datasetIds[i], "dataset is cited twice");
            }
            require(provenance.exists(datasetIds[i]), "dataset is not attested");
            require(!provenance.isTainted(datasetIds[i]), "dataset is tainted");
        }
        current.submitters.push(msg.sender);
        update.status = UPDATE_SUBMITTED;
        update.updateHash = updateHash;
        update.sampleCount = sampleCount;
        update.metricsHash = metricsHash;
        update.submittedAtBlock = uint64(block.number);
        update.datasetIds = datasetIds;
        emit UpdateSubmitted(modelId, round, msg.sender, updateHash, sampleCount);
        emit UpdateDatasets(modelId, round, msg.sender, datasetIds, metricsHash);
    }
}
