package org.ailedger.precompiles.model;

import org.ailedger.precompiles.abi.AbiEvent;

/**
 * The events ModelRegistry emits. Together they carry every field the registry stores, so an
 * indexer rebuilds models, rounds, updates, rewards and reputation from logs alone. The token's own
 * {@code Transfer} from address zero accompanies each non-zero reward.
 */
public final class ModelRegistryEvents {
  public static final AbiEvent MODEL_REGISTERED =
      AbiEvent.parse(
          "ModelRegistered(bytes32 indexed modelId, address indexed owner,"
              + " address indexed aggregator, string metadataUri)");
  public static final AbiEvent ROUND_OPENED =
      AbiEvent.parse(
          "RoundOpened(bytes32 indexed modelId, uint64 indexed round, bytes32 baseModelHash,"
              + " uint256 rewardPool, uint64 deadlineBlock)");

  /** Fixed by the product design. */
  public static final AbiEvent UPDATE_SUBMITTED =
      AbiEvent.parse(
          "UpdateSubmitted(bytes32 indexed modelId, uint64 indexed round,"
              + " address indexed contributor, bytes32 updateHash, uint64 sampleCount)");

  /** The rest of a submission, which the design's UpdateSubmitted has no room for. */
  public static final AbiEvent UPDATE_DATASETS =
      AbiEvent.parse(
          "UpdateDatasets(bytes32 indexed modelId, uint64 indexed round,"
              + " address indexed contributor, bytes32[] datasetIds, bytes32 metricsHash)");

  /** Fixed by the product design. */
  public static final AbiEvent ROUND_FINALIZED =
      AbiEvent.parse(
          "RoundFinalized(bytes32 indexed modelId, uint64 indexed round, bytes32 aggregateHash,"
              + " uint256 acceptedCount)");

  public static final AbiEvent CONTRIBUTION_REWARDED =
      AbiEvent.parse(
          "ContributionRewarded(bytes32 indexed modelId, uint64 indexed round,"
              + " address indexed contributor, uint256 weight, uint256 reward)");
  public static final AbiEvent REPUTATION_CHANGED =
      AbiEvent.parse(
          "ReputationChanged(address indexed contributor, int256 delta, int256 reputation)");

  private ModelRegistryEvents() {}
}
