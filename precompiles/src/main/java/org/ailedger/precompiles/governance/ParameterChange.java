package org.ailedger.precompiles.governance;

import static org.ailedger.precompiles.abi.AbiValues.bytes32;
import static org.ailedger.precompiles.abi.AbiValues.uint256;

import java.util.Set;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The one way a governed parameter changes after genesis: the governor executing a passed
 * SetParameter proposal. The change is announced with ParameterChanged from 0x…1004, carrying the
 * old value too, so an indexer knows every value a parameter ever had from logs and the genesis
 * file alone.
 */
public final class ParameterChange {
  public static final AbiEvent PARAMETER_CHANGED =
      AbiEvent.parse("ParameterChanged(bytes32 indexed name, uint256 oldValue, uint256 newValue)");

  /** Contracts that reach the governor's storage read-only; none of them may change it. */
  private static final Set<Address> OTHER_CONTRACTS =
      Set.of(
          NativeAddresses.PERMISSIONS,
          NativeAddresses.MODEL_REGISTRY,
          NativeAddresses.DATA_PROVENANCE,
          NativeAddresses.CONTRIBUTION_TOKEN);

  private ParameterChange() {}

  /**
   * Sets {@code parameter} to {@code value} in the governor's storage and emits ParameterChanged.
   *
   * @param governor the governor's own state in a call sent to the governor, not the governor's
   *     storage reached from another native contract
   * @return the value in force before
   * @throws ContractRevert if {@code value} is outside the parameter's bounds
   * @throws IllegalStateException if {@code governor} is not the governor's own call state
   */
  public static UInt256 apply(ContractState governor, Parameter parameter, UInt256 value) {
    if (!governor.address().equals(NativeAddresses.QUADRATIC_GOVERNOR)
        || OTHER_CONTRACTS.contains(governor.context().caller())) {
      throw new IllegalStateException(
          "only the governor's own call may change governance parameters, not "
              + governor.address()
              + " called by "
              + governor.context().caller());
    }
    parameter
        .violation(value)
        .ifPresent(
            reason -> {
              throw new ContractRevert(reason);
            });
    GovernanceParameters parameters = GovernanceParameters.of(governor);
    UInt256 old = parameters.get(parameter);
    parameters.set(parameter, value);
    PARAMETER_CHANGED.emit(governor, bytes32(parameter.key()), uint256(old), uint256(value));
    return old;
  }
}
