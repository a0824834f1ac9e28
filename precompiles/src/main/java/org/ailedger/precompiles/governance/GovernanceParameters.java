package org.ailedger.precompiles.governance;

import static org.ailedger.precompiles.storage.StorageSlots.mapping;
import static org.ailedger.precompiles.storage.StorageSlots.slot;

import org.ailedger.precompiles.ContractStorage;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The governed parameters in the storage of the governor at 0x…1004, laid out as the Solidity state
 * variable {@code mapping(bytes32 name => uint256) parameters} at slot 0, so {@code
 * eth_getStorageAt(0x…1004, keccak256(name . 0))} shows a value. A zero slot means the parameter
 * was never set and its {@link Parameter#defaultValue()} applies; no parameter may be set to zero
 * (see {@link Parameter}).
 *
 * <p>Another native contract reads the parameters during a call with {@code
 * GovernanceParameters.of(state.contract(NativeAddresses.QUADRATIC_GOVERNOR))}; the node reads them
 * from committed state with {@code of(ContractStorage.direct(store, QUADRATIC_GOVERNOR))}.
 */
public final class GovernanceParameters {
  /** Slot of {@code mapping(bytes32 => uint256) parameters}. */
  public static final Bytes32 PARAMETERS_SLOT = slot(0);

  private final ContractStorage storage;

  private GovernanceParameters(ContractStorage storage) {
    this.storage = storage;
  }

  /** Over the storage of the governor at 0x…1004; the caller is responsible for the address. */
  public static GovernanceParameters of(ContractStorage storageOfGovernor) {
    if (storageOfGovernor == null) {
      throw new IllegalArgumentException("the governor's storage is required");
    }
    return new GovernanceParameters(storageOfGovernor);
  }

  /** The slot holding {@code parameter}, as {@code keccak256(key . 0)}. */
  public static Bytes32 slotOf(Parameter parameter) {
    return mapping(PARAMETERS_SLOT, parameter.key());
  }

  /** The value in force: the one set by genesis or governance, else the default. */
  public UInt256 get(Parameter parameter) {
    Bytes32 stored = storage.load(slotOf(parameter));
    return stored.isZero() ? parameter.defaultValue() : UInt256.fromBytes(stored);
  }

  /** Whether genesis or governance ever set {@code parameter}. */
  public boolean isSet(Parameter parameter) {
    return !storage.load(slotOf(parameter)).isZero();
  }

  /**
   * Only genesis and the governor's execution of a SetParameter proposal write parameters, both
   * from this package; the governor refuses out-of-bounds proposals earlier, with {@link
   * Parameter#violation}, so a value out of bounds here is a bug.
   *
   * @throws IllegalArgumentException if {@code value} is outside the parameter's bounds
   */
  void set(Parameter parameter, UInt256 value) {
    parameter
        .violation(value)
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException(reason);
            });
    storage.store(slotOf(parameter), value.toBytes());
  }
}
