package org.ailedger.precompiles.model;

import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Who may do what in the registry, and the phrases its revert reasons share. Roles come from
 * Permissions, read through the same call so a role revoked earlier in the block counts at once.
 */
final class Access {
  private Access() {}

  /** The caller, if it holds {@code role}. */
  static Address requireRole(ContractState state, Role role) {
    Address caller = state.context().caller();
    if (!PermissionsView.of(state).hasRole(role, caller)) {
      throw new ContractRevert("caller " + caller + " lacks role " + role);
    }
    return caller;
  }

  /**
   * The caller, if it is the aggregator {@code modelId} was registered with and still holds the
   * AGGREGATOR role: revoking the role must stop an aggregator without re-registering its models.
   */
  static Address requireAggregatorOf(ContractState state, ModelLayout layout, Bytes32 modelId) {
    requireModel(layout, modelId);
    Address caller = state.context().caller();
    Address aggregator = layout.aggregatorOf(modelId);
    if (!caller.equals(aggregator)) {
      throw new ContractRevert(
          "caller "
              + caller
              + " is not the aggregator of model "
              + modelId.toHexString()
              + "; its aggregator is "
              + aggregator);
    }
    return requireRole(state, Role.AGGREGATOR);
  }

  static void requireModel(ModelLayout layout, Bytes32 modelId) {
    if (!layout.modelExists(modelId)) {
      throw new ContractRevert("model " + modelId.toHexString() + " is not registered");
    }
  }

  /** The round's number, if that round of a registered model is open. */
  static long requireOpenRound(ModelLayout layout, Bytes32 modelId, UInt256 round) {
    long latest = layout.latestRound(modelId);
    if (round.isZero() || round.compareTo(UInt256.valueOf(latest)) > 0) {
      throw new ContractRevert(
          "round "
              + round.toDecimalString()
              + " of model "
              + modelId.toHexString()
              + " has not been opened; the latest round is "
              + latest);
    }
    long number = round.toLong();
    if (layout.roundStatus(modelId, number) != RoundStatus.OPEN) {
      throw new ContractRevert(round(modelId, number) + " is closed");
    }
    return number;
  }

  /** "round 3 of model 0x…". */
  static String round(Bytes32 modelId, long round) {
    return "round " + round + " of model " + modelId.toHexString();
  }
}
