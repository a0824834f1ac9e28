package org.ailedger.precompiles.model;

import static org.ailedger.precompiles.abi.AbiValues.address;
import static org.ailedger.precompiles.abi.AbiValues.bytes32;
import static org.ailedger.precompiles.abi.AbiValues.bytes32s;
import static org.ailedger.precompiles.model.ModelAbi.uint64;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.precompiles.provenance.ProvenanceView;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Contributors' updates: one per contributor and round, while the round is open and its deadline
 * has not passed, citing only attested, untainted datasets. Also answers whether an update has
 * become tainted since, as revocations taint descendants after the fact.
 */
final class Submissions {
  private final ContractState state;
  private final ModelLayout layout;

  Submissions(ContractState state) {
    this.state = state;
    this.layout = new ModelLayout(state);
  }

  void submitUpdate(
      Bytes32 modelId,
      UInt256 round,
      Bytes32 updateHash,
      List<Bytes32> datasetIds,
      UInt256 sampleCount,
      Bytes32 metricsHash) {
    Address contributor = Access.requireRole(state, Role.CONTRIBUTOR);
    Access.requireModel(layout, modelId);
    long number = Access.requireOpenRound(layout, modelId, round);
    long block = state.context().blockNumber();
    long deadline = layout.deadline(modelId, number);
    if (block > deadline) {
      throw new ContractRevert(
          Access.round(modelId, number)
              + " stopped taking updates after block "
              + deadline
              + "; this is block "
              + block);
    }
    if (layout.updateStatus(modelId, number, contributor) != UpdateStatus.NONE) {
      throw new ContractRevert(
          "contributor "
              + contributor
              + " already submitted an update to "
              + Access.round(modelId, number));
    }
    long submissions = layout.submissionCount(modelId, number);
    if (submissions >= ModelRegistry.MAX_SUBMISSIONS_PER_ROUND) {
      throw new ContractRevert(
          Access.round(modelId, number)
              + " is full: it takes at most "
              + ModelRegistry.MAX_SUBMISSIONS_PER_ROUND
              + " updates");
    }
    if (!sampleCount.fitsLong()) {
      throw new ContractRevert(
          "sample count " + sampleCount.toDecimalString() + " exceeds " + Long.MAX_VALUE);
    }
    requireCitable(datasetIds);
    layout.addUpdate(
        modelId,
        number,
        contributor,
        updateHash,
        datasetIds,
        sampleCount.toLong(),
        metricsHash,
        block);
    ModelRegistryEvents.UPDATE_SUBMITTED.emit(
        state,
        bytes32(modelId),
        uint64(number),
        address(contributor),
        bytes32(updateHash),
        uint64(sampleCount.toLong()));
    ModelRegistryEvents.UPDATE_DATASETS.emit(
        state,
        bytes32(modelId),
        uint64(number),
        address(contributor),
        bytes32s(datasetIds),
        bytes32(metricsHash));
  }

  /** Whether a dataset the update cites is now revoked or descends from a revoked one. */
  boolean isUpdateTainted(Bytes32 modelId, UInt256 round, Address contributor) {
    if (!round.fitsLong()) {
      return false;
    }
    ProvenanceView provenance = ProvenanceView.of(state);
    for (Bytes32 datasetId : layout.datasetsOf(modelId, round.toLong(), contributor)) {
      state.gas().charge(ModelRegistry.DATASET_CHECK_GAS);
      if (provenance.taintSource(datasetId).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private void requireCitable(List<Bytes32> datasetIds) {
    if (datasetIds.size() > ModelRegistry.MAX_DATASETS_PER_UPDATE) {
      throw new ContractRevert(
          "an update cites "
              + datasetIds.size()
              + " datasets; at most "
              + ModelRegistry.MAX_DATASETS_PER_UPDATE
              + " are allowed");
    }
    ProvenanceView provenance = ProvenanceView.of(state);
    Set<Bytes32> seen = new HashSet<>();
    for (Bytes32 datasetId : datasetIds) {
      state.gas().charge(ModelRegistry.DATASET_CHECK_GAS);
      if (!seen.add(datasetId)) {
        throw new ContractRevert("dataset " + datasetId.toHexString() + " is cited twice");
      }
      if (!provenance.exists(datasetId)) {
        throw new ContractRevert("dataset " + datasetId.toHexString() + " is not attested");
      }
      Optional<Bytes32> taint = provenance.taintSource(datasetId);
      if (taint.isPresent()) {
        throw new ContractRevert(
            taint.get().equals(datasetId)
                ? "dataset " + datasetId.toHexString() + " is revoked"
                : "dataset "
                    + datasetId.toHexString()
                    + " is tainted (revoked ancestor "
                    + taint.get().toHexString()
                    + ")");
      }
    }
  }
}
