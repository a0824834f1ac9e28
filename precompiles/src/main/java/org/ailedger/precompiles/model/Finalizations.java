package org.ailedger.precompiles.model;

import static org.ailedger.precompiles.abi.AbiValues.address;
import static org.ailedger.precompiles.abi.AbiValues.bytes32;
import static org.ailedger.precompiles.abi.AbiValues.uint256;
import static org.ailedger.precompiles.model.ModelAbi.int256;
import static org.ailedger.precompiles.model.ModelAbi.uint64;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.token.TokenLedger;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Closing a round: the aggregator names the accepted updates and their weights; the pool is minted
 * pro rata ({@link RewardSplit}), accepted contributors gain one reputation point and every other
 * submitter loses one. Every list is checked in full before anything is written.
 */
final class Finalizations {
  private final ContractState state;
  private final ModelLayout layout;

  Finalizations(ContractState state) {
    this.state = state;
    this.layout = new ModelLayout(state);
  }

  void finalizeRound(
      Bytes32 modelId,
      UInt256 round,
      Bytes32 aggregateHash,
      List<Address> accepted,
      List<UInt256> weights) {
    Access.requireAggregatorOf(state, layout, modelId);
    long number = Access.requireOpenRound(layout, modelId, round);
    if (accepted.size() != weights.size()) {
      throw new ContractRevert(
          "accepted lists "
              + accepted.size()
              + " contributors but weights has "
              + weights.size()
              + " entries; they must match one to one");
    }
    if (accepted.size() > ModelRegistry.MAX_SUBMISSIONS_PER_ROUND) {
      throw new ContractRevert(
          "accepted lists "
              + accepted.size()
              + " contributors; a round has at most "
              + ModelRegistry.MAX_SUBMISSIONS_PER_ROUND
              + " submissions");
    }
    requireAcceptable(modelId, number, accepted, weights);

    RewardSplit split = RewardSplit.of(layout.rewardPool(modelId, number), weights);
    layout.finalizeRound(modelId, number, aggregateHash, accepted.size(), split.minted());

    TokenLedger token = TokenLedger.of(state);
    for (int i = 0; i < accepted.size(); i++) {
      Address contributor = accepted.get(i);
      UInt256 reward = split.rewards().get(i);
      layout.settleUpdate(modelId, number, contributor, UpdateStatus.ACCEPTED, reward);
      if (!reward.isZero()) {
        token.mint(contributor, reward);
      }
      ModelRegistryEvents.CONTRIBUTION_REWARDED.emit(
          state,
          bytes32(modelId),
          uint64(number),
          address(contributor),
          uint256(weights.get(i)),
          uint256(reward));
      changeReputation(contributor, BigInteger.ONE);
    }
    Set<Address> acceptedSet = Set.copyOf(accepted);
    for (Address submitter : layout.submitters(modelId, number)) {
      state.gas().charge(ModelRegistry.CONTRIBUTOR_SETTLE_GAS);
      if (!acceptedSet.contains(submitter)) {
        layout.settleUpdate(modelId, number, submitter, UpdateStatus.REJECTED, UInt256.ZERO);
        changeReputation(submitter, BigInteger.ONE.negate());
      }
    }
    // last, as the interface documents: a reader of the logs has every reward before the close
    ModelRegistryEvents.ROUND_FINALIZED.emit(
        state, bytes32(modelId), uint64(number), bytes32(aggregateHash), uint256(accepted.size()));
  }

  private void requireAcceptable(
      Bytes32 modelId, long round, List<Address> accepted, List<UInt256> weights) {
    Set<Address> seen = new HashSet<>();
    for (int i = 0; i < accepted.size(); i++) {
      state.gas().charge(ModelRegistry.CONTRIBUTOR_SETTLE_GAS);
      Address contributor = accepted.get(i);
      if (!seen.add(contributor)) {
        throw new ContractRevert("contributor " + contributor + " is accepted twice");
      }
      if (weights.get(i).isZero()) {
        throw new ContractRevert(
            "weight of contributor " + contributor + " is zero; accepted updates need a weight");
      }
      if (layout.updateStatus(modelId, round, contributor) != UpdateStatus.SUBMITTED) {
        throw new ContractRevert(
            "contributor "
                + contributor
                + " did not submit an update to "
                + Access.round(modelId, round));
      }
    }
  }

  private void changeReputation(Address contributor, BigInteger delta) {
    BigInteger reputation = layout.reputation(contributor).add(delta);
    layout.setReputation(contributor, reputation);
    ModelRegistryEvents.REPUTATION_CHANGED.emit(
        state, address(contributor), int256(delta), int256(reputation));
  }
}
