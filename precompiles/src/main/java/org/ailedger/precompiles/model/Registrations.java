package org.ailedger.precompiles.model;

import static org.ailedger.precompiles.abi.AbiValues.address;
import static org.ailedger.precompiles.abi.AbiValues.bytes32;
import static org.ailedger.precompiles.abi.AbiValues.string;
import static org.ailedger.precompiles.abi.AbiValues.uint256;
import static org.ailedger.precompiles.model.ModelAbi.uint64;

import java.nio.charset.StandardCharsets;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.governance.GovernanceParameters;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** Registering models and opening their rounds: the owner's and the aggregator's moves. */
final class Registrations {
  private final ContractState state;
  private final ModelLayout layout;

  Registrations(ContractState state) {
    this.state = state;
    this.layout = new ModelLayout(state);
  }

  void registerModel(Bytes32 modelId, String metadataUri, Address aggregator) {
    Address owner = Access.requireRole(state, Role.MODEL_OWNER);
    if (modelId.isZero()) {
      throw new ContractRevert("model id must not be zero");
    }
    if (layout.modelExists(modelId)) {
      throw new ContractRevert("model " + modelId.toHexString() + " is already registered");
    }
    if (!PermissionsView.of(state).hasRole(Role.AGGREGATOR, aggregator)) {
      throw new ContractRevert("aggregator " + aggregator + " lacks role AGGREGATOR");
    }
    int uriBytes = metadataUri.getBytes(StandardCharsets.UTF_8).length;
    if (uriBytes > ModelRegistry.MAX_METADATA_URI_BYTES) {
      throw new ContractRevert(
          "metadata URI of model "
              + modelId.toHexString()
              + " has "
              + uriBytes
              + " bytes; at most "
              + ModelRegistry.MAX_METADATA_URI_BYTES
              + " are allowed");
    }
    layout.addModel(modelId, owner, aggregator, metadataUri, state.context().blockNumber());
    ModelRegistryEvents.MODEL_REGISTERED.emit(
        state, bytes32(modelId), address(owner), address(aggregator), string(metadataUri));
  }

  /**
   * Rounds are numbered 1, 2, 3, … and one is open at a time, so "the latest round" alone tells
   * which round is open and which may open next.
   */
  void openRound(
      Bytes32 modelId, UInt256 round, Bytes32 baseModelHash, UInt256 rewardPool, UInt256 deadline) {
    Access.requireAggregatorOf(state, layout, modelId);
    long latest = layout.latestRound(modelId);
    if (latest > 0 && layout.roundStatus(modelId, latest) == RoundStatus.OPEN) {
      throw new ContractRevert(
          Access.round(modelId, latest)
              + " is still open; finalize it before opening round "
              + round.toDecimalString());
    }
    if (!round.equals(UInt256.valueOf(latest + 1))) {
      throw new ContractRevert(
          "round "
              + round.toDecimalString()
              + " of model "
              + modelId.toHexString()
              + " is out of order; the next round is "
              + (latest + 1));
    }
    long block = state.context().blockNumber();
    if (deadline.compareTo(UInt256.valueOf(block)) <= 0) {
      throw new ContractRevert(
          "deadline block "
              + deadline.toDecimalString()
              + " of "
              + Access.round(modelId, latest + 1)
              + " must be after the current block "
              + block);
    }
    if (!deadline.fitsLong()) {
      throw new ContractRevert(
          "deadline block "
              + deadline.toDecimalString()
              + " is beyond the last block number "
              + Long.MAX_VALUE);
    }
    UInt256 cap =
        GovernanceParameters.of(state.contract(NativeAddresses.QUADRATIC_GOVERNOR))
            .get(Parameter.MAX_REWARD_PER_ROUND);
    if (rewardPool.compareTo(cap) > 0) {
      throw new ContractRevert(
          "reward pool "
              + rewardPool.toDecimalString()
              + " of "
              + Access.round(modelId, latest + 1)
              + " exceeds maxRewardPerRound "
              + cap.toDecimalString());
    }
    long opened = latest + 1;
    layout.openRound(modelId, opened, baseModelHash, rewardPool, deadline.toLong());
    ModelRegistryEvents.ROUND_OPENED.emit(
        state,
        bytes32(modelId),
        uint64(opened),
        bytes32(baseModelHash),
        uint256(rewardPool),
        uint64(deadline.toLong()));
  }
}
