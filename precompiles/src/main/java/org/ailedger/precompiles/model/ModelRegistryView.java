package org.ailedger.precompiles.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Read access to ModelRegistry for Java callers: {@link #of(ContractState)} for another native
 * contract during a call (metered, sees the call's own writes), {@link #of(SlotStore)} for the node
 * reading committed state (direct, unmetered).
 */
public final class ModelRegistryView {
  private final ModelLayout layout;

  private ModelRegistryView(ContractStorage storage) {
    this.layout = new ModelLayout(storage);
  }

  /** From any native contract's state in a call; it is redirected to the registry's own state. */
  public static ModelRegistryView of(ContractState state) {
    return new ModelRegistryView(state.contract(NativeAddresses.MODEL_REGISTRY));
  }

  public static ModelRegistryView of(SlotStore store) {
    return new ModelRegistryView(ContractStorage.direct(store, NativeAddresses.MODEL_REGISTRY));
  }

  public Optional<RegisteredModel> model(Bytes32 modelId) {
    return layout.model(modelId);
  }

  /** All zero with status NONE for a round never opened or a model never registered. */
  public TrainingRound round(Bytes32 modelId, long round) {
    return layout.round(modelId, round);
  }

  /** All zero with status NONE when the contributor submitted nothing to the round. */
  public ModelUpdate update(Bytes32 modelId, long round, Address contributor) {
    return layout.update(modelId, round, contributor);
  }

  /** The round's contributors in submission order. */
  public List<Address> submitters(Bytes32 modelId, long round) {
    return layout.submitters(modelId, round);
  }

  /** Accepted updates minus rejected ones over all rounds; negative is possible. */
  public BigInteger reputation(Address contributor) {
    return layout.reputation(contributor);
  }
}
