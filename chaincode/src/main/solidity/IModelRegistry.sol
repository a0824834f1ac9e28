// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title ModelRegistry, the native contract at 0x0000000000000000000000000000000000001001
/// @notice The record of federated training: models, their rounds, the hash of every update each
/// contributor submitted, the datasets it cites, and the reward each accepted update earned.
/// @dev Implemented in Java by the node. Weights and data never go on chain, only their hashes.
/// Roles come from Permissions (0x…1000); rewards are minted by ContributionToken (0x…1003);
/// datasets are checked against DataProvenance (0x…1002). Rounds of a model are numbered 1, 2, 3, …
/// and at most one is open at a time. Failures revert with a readable `Error(string)` reason, e.g.
/// "round 3 of model 0xabc… is closed", and change nothing. The events alone let an indexer rebuild
/// every model, round, update, reward and reputation without calling any view.
interface IModelRegistry {
    /// @notice A model was registered.
    /// @dev Emitted by `registerModel`.
    /// @param modelId the model's id, chosen by its owner
    /// @param owner the account that registered it
    /// @param aggregator the account that runs its rounds
    /// @param metadataUri where the model's description lives off chain
    event ModelRegistered(
        bytes32 indexed modelId, address indexed owner, address indexed aggregator, string metadataUri
    );

    /// @notice A training round was opened.
    /// @dev Emitted by `openRound`.
    /// @param modelId the model
    /// @param round the round number
    /// @param baseModelHash hash of the model weights contributors start from
    /// @param rewardPool tokens (base units) to be minted to accepted contributors at finalization
    /// @param deadlineBlock the last block in which updates are accepted
    event RoundOpened(
        bytes32 indexed modelId, uint64 indexed round, bytes32 baseModelHash, uint256 rewardPool, uint64 deadlineBlock
    );

    /// @notice A contributor submitted the hash of a model update.
    /// @dev Emitted by `submitUpdate`, followed by `UpdateDatasets` for the same update.
    /// @param modelId the model
    /// @param round the round
    /// @param contributor the submitting account
    /// @param updateHash hash of the update's weights
    /// @param sampleCount the number of training samples the contributor reports
    event UpdateSubmitted(
        bytes32 indexed modelId,
        uint64 indexed round,
        address indexed contributor,
        bytes32 updateHash,
        uint64 sampleCount
    );

    /// @notice The datasets and metrics an update cites.
    /// @dev Emitted by `submitUpdate` right after `UpdateSubmitted`.
    /// @param modelId the model
    /// @param round the round
    /// @param contributor the submitting account
    /// @param datasetIds the DataProvenance datasets the update was trained on
    /// @param metricsHash hash of the contributor's evaluation metrics
    event UpdateDatasets(
        bytes32 indexed modelId,
        uint64 indexed round,
        address indexed contributor,
        bytes32[] datasetIds,
        bytes32 metricsHash
    );

    /// @notice A round was finalized with its aggregate.
    /// @dev Emitted by `finalizeRound`, after one `ContributionRewarded` per accepted contributor and
    /// one `ReputationChanged` per submitter.
    /// @param modelId the model
    /// @param round the round
    /// @param aggregateHash hash of the aggregated model weights
    /// @param acceptedCount the number of accepted updates
    event RoundFinalized(bytes32 indexed modelId, uint64 indexed round, bytes32 aggregateHash, uint256 acceptedCount);

    /// @notice An accepted contributor was rewarded.
    /// @dev Emitted by `finalizeRound`; the mint itself also shows as a ContributionToken `Transfer`
    /// from address(0).
    /// @param modelId the model
    /// @param round the round
    /// @param contributor the rewarded account
    /// @param weight the weight the aggregator gave the update
    /// @param reward tokens (base units) minted to the contributor: floor(pool * weight / sum of weights)
    event ContributionRewarded(
        bytes32 indexed modelId, uint64 indexed round, address indexed contributor, uint256 weight, uint256 reward
    );

    /// @notice A contributor's reputation changed.
    /// @dev Emitted by `finalizeRound`: +1 for each accepted submitter, -1 for each rejected one.
    /// @param contributor the account
    /// @param delta the change
    /// @param reputation the reputation after the change
    event ReputationChanged(address indexed contributor, int256 delta, int256 reputation);

    /// @notice Registers a model and names the aggregator that runs its rounds.
    /// @dev Caller must hold MODEL_OWNER. Reverts if the caller lacks the role, `modelId` is zero or
    /// already registered, or `aggregator` does not hold AGGREGATOR. Emits `ModelRegistered`.
    /// @param modelId the new model's id; must be non-zero and unused
    /// @param metadataUri where the model's description lives off chain
    /// @param aggregator the account that will open and finalize rounds
    function registerModel(bytes32 modelId, string calldata metadataUri, address aggregator) external;

    /// @notice Opens the next training round of a model.
    /// @dev Only the model's aggregator may call. Reverts if the model does not exist, the caller is
    /// not its aggregator, `round` is not latestRound + 1, the previous round is still open,
    /// `deadlineBlock` is not after the current block, or `rewardPool` exceeds the governed
    /// `maxRewardPerRound`. Emits `RoundOpened`.
    /// @param modelId the model
    /// @param round the new round number: the model's latest round + 1
    /// @param baseModelHash hash of the weights contributors start from
    /// @param rewardPool tokens (base units) minted to accepted contributors at finalization
    /// @param deadlineBlock the last block in which updates are accepted
    function openRound(bytes32 modelId, uint64 round, bytes32 baseModelHash, uint256 rewardPool, uint64 deadlineBlock)
        external;

    /// @notice Submits the hash of a model update for an open round.
    /// @dev Caller must hold CONTRIBUTOR. Reverts if the caller lacks the role, the round is not open
    /// or its deadline block has passed, the caller already submitted in this round, more than 32
    /// datasets are cited, or a cited dataset does not exist or is tainted (revoked itself or
    /// descended from a revoked dataset). Emits `UpdateSubmitted` then `UpdateDatasets`.
    /// @param modelId the model
    /// @param round the open round
    /// @param updateHash hash of the update's weights
    /// @param datasetIds the DataProvenance datasets trained on; at most 32
    /// @param sampleCount the number of training samples
    /// @param metricsHash hash of the contributor's evaluation metrics
    function submitUpdate(
        bytes32 modelId,
        uint64 round,
        bytes32 updateHash,
        bytes32[] calldata datasetIds,
        uint64 sampleCount,
        bytes32 metricsHash
    ) external;

    /// @notice Closes a round with its aggregate, accepts updates and mints their rewards pro rata.
    /// @dev Only the model's aggregator may call, on the open round. Reverts if the caller is not
    /// the aggregator, the round is not open, `accepted` and `weights` differ in length, an accepted
    /// account did not submit in the round or is listed twice, or a weight is zero. An empty
    /// `accepted` rewards nobody. Reward i = floor(rewardPool * weights[i] / sum of weights); the
    /// remainder is not minted. Emits `ContributionRewarded` per accepted contributor,
    /// `ReputationChanged` per submitter, then `RoundFinalized`.
    /// @param modelId the model
    /// @param round the open round
    /// @param aggregateHash hash of the aggregated weights
    /// @param accepted the contributors whose updates were aggregated; a subset of the submitters
    /// @param weights each accepted contributor's share weight, non-zero
    function finalizeRound(
        bytes32 modelId,
        uint64 round,
        bytes32 aggregateHash,
        address[] calldata accepted,
        uint256[] calldata weights
    ) external;

    /// @notice A registered model.
    /// @dev Anyone may call. Never reverts: a model that was never registered answers zeros.
    /// @param modelId the model
    /// @return owner the account that registered it
    /// @return aggregator the account that runs its rounds
    /// @return metadataUri where its description lives off chain
    /// @return latestRound the number of the latest opened round, 0 if none
    /// @return registeredAtBlock the block it was registered in
    function getModel(bytes32 modelId)
        external
        view
        returns (
            address owner,
            address aggregator,
            string memory metadataUri,
            uint64 latestRound,
            uint64 registeredAtBlock
        );

    /// @notice A round of a model.
    /// @dev Anyone may call. Never reverts: a round that was never opened answers status 0 and zeros.
    /// @param modelId the model
    /// @param round the round number
    /// @return status 0 none, 1 open, 2 finalized
    /// @return baseModelHash hash of the weights contributors start from
    /// @return rewardPool tokens (base units) promised to accepted contributors
    /// @return deadlineBlock the last block in which updates were accepted
    /// @return aggregateHash hash of the aggregate, zero until finalized
    /// @return submissions the number of updates submitted
    /// @return accepted the number of updates accepted at finalization
    /// @return minted the tokens (base units) actually minted at finalization
    function getRound(bytes32 modelId, uint64 round)
        external
        view
        returns (
            uint8 status,
            bytes32 baseModelHash,
            uint256 rewardPool,
            uint64 deadlineBlock,
            bytes32 aggregateHash,
            uint64 submissions,
            uint64 accepted,
            uint256 minted
        );

    /// @notice One contributor's update in a round.
    /// @dev Anyone may call. Never reverts: no update answers status 0 and zeros.
    /// @param modelId the model
    /// @param round the round number
    /// @param contributor the contributor
    /// @return status 0 none, 1 submitted, 2 accepted, 3 rejected
    /// @return updateHash hash of the update's weights
    /// @return datasetIds the datasets it cites
    /// @return sampleCount the number of training samples reported
    /// @return metricsHash hash of the evaluation metrics
    /// @return submittedAtBlock the block it was submitted in
    /// @return reward tokens (base units) minted for it, 0 unless accepted
    function getUpdate(bytes32 modelId, uint64 round, address contributor)
        external
        view
        returns (
            uint8 status,
            bytes32 updateHash,
            bytes32[] memory datasetIds,
            uint64 sampleCount,
            bytes32 metricsHash,
            uint64 submittedAtBlock,
            uint256 reward
        );

    /// @notice The contributors that submitted to a round, in submission order.
    /// @dev Anyone may call. Never reverts: an unknown round answers an empty list.
    /// @param modelId the model
    /// @param round the round number
    /// @return contributors the submitters
    function getSubmitters(bytes32 modelId, uint64 round) external view returns (address[] memory contributors);

    /// @notice The most datasets one update may cite.
    /// @dev Anyone may call. Never reverts.
    /// @return limit 32
    function MAX_DATASETS_PER_UPDATE() external view returns (uint256 limit);

    /// @notice The most updates one round accepts, which bounds the work of finalizing it.
    /// @dev Anyone may call. Never reverts.
    /// @return limit 256
    function MAX_SUBMISSIONS_PER_ROUND() external view returns (uint256 limit);

    /// @notice A contributor's reputation: accepted minus rejected updates over all rounds.
    /// @dev Anyone may call. Never reverts.
    /// @param contributor the account
    /// @return score the reputation, negative when more updates were rejected than accepted
    function reputation(address contributor) external view returns (int256 score);

    /// @notice Whether an update cites a dataset that is now tainted (revoked or descended from a
    /// revoked dataset), so its contribution is suspect.
    /// @dev Anyone may call. An update that was never submitted answers false. Reverts if walking a
    /// cited dataset's lineage exceeds DataProvenance's bound of 256 datasets.
    /// @param modelId the model
    /// @param round the round number
    /// @param contributor the contributor
    /// @return tainted true if any cited dataset is tainted now
    function isUpdateTainted(bytes32 modelId, uint64 round, address contributor) external view returns (bool tainted);
}
