package org.ailedger.precompiles.governance;

import java.util.EnumMap;
import java.util.Map;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.SlotStore;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Writes the governed parameters a genesis file states into block 0's state: no caller check, no
 * gas, no logs. Parameters the genesis leaves out keep their defaults without a slot, so a genesis
 * stating only defaults-differing values yields the same state root as one stating none.
 */
public final class GovernanceGenesis {
  private GovernanceGenesis() {}

  /**
   * Writes every entry of {@code values}, in {@link Parameter} order.
   *
   * @throws IllegalArgumentException if a value is outside its parameter's bounds (nothing is
   *     written then)
   * @throws IllegalStateException if a parameter is already set in {@code store}
   */
  public static void seed(SlotStore store, Map<Parameter, UInt256> values) {
    if (store == null || values == null) {
      throw new IllegalArgumentException("store and values are required");
    }
    Map<Parameter, UInt256> ordered = new EnumMap<>(Parameter.class);
    ordered.putAll(values);
    ordered.forEach(
        (parameter, value) ->
            parameter
                .violation(value)
                .ifPresent(
                    reason -> {
                      throw new IllegalArgumentException("genesis parameter " + reason);
                    }));
    GovernanceParameters parameters =
        GovernanceParameters.of(ContractStorage.direct(store, NativeAddresses.QUADRATIC_GOVERNOR));
    for (Parameter parameter : Parameter.values()) {
      if (parameters.isSet(parameter)) {
        throw new IllegalStateException(
            "governance parameter " + parameter.label() + " is already set in this state");
      }
    }
    ordered.forEach(parameters::set);
  }
}
