package org.ailedger.indexer.event;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Events of ModelRegistry at 0x…1001 (IModelRegistry.sol). Round numbers are uint64 counted from 1
 * by the contract, so they fit a {@code long}; sample counts and deadlines are whatever the sender
 * chose, so they stay {@link BigInteger}.
 */
public sealed interface ModelRegistryEvent extends LedgerEvent {
  @Override
  default NativeContract contract() {
    return NativeContract.MODEL_REGISTRY;
  }

  record ModelRegistered(
      Bytes32 modelId, EthAddress owner, EthAddress aggregator, String metadataUri)
      implements ModelRegistryEvent {}

  record RoundOpened(
      Bytes32 modelId,
      long round,
      Bytes32 baseModelHash,
      BigInteger rewardPool,
      BigInteger deadlineBlock)
      implements ModelRegistryEvent {}

  record UpdateSubmitted(
      Bytes32 modelId,
      long round,
      EthAddress contributor,
      Bytes32 updateHash,
      BigInteger sampleCount)
      implements ModelRegistryEvent {}

  record UpdateDatasets(
      Bytes32 modelId,
      long round,
      EthAddress contributor,
      List<Bytes32> datasetIds,
      Bytes32 metricsHash)
      implements ModelRegistryEvent {
    public UpdateDatasets {
      datasetIds = List.copyOf(datasetIds);
    }
  }

  record RoundFinalized(
      Bytes32 modelId, long round, Bytes32 aggregateHash, BigInteger acceptedCount)
      implements ModelRegistryEvent {}

  record ContributionRewarded(
      Bytes32 modelId, long round, EthAddress contributor, BigInteger weight, BigInteger reward)
      implements ModelRegistryEvent {}

  record ReputationChanged(EthAddress contributor, BigInteger delta, BigInteger reputation)
      implements ModelRegistryEvent {}
}
