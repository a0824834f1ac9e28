package org.ailedger.precompiles;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * A contract implemented in Java at a fixed address, called with Solidity ABI input. It is a pure
 * state transition: everything it reads or changes goes through the {@link ContractState} it is
 * handed, so the same call gives the same result on every validator.
 *
 * <p>Implementations hold no mutable state and do no I/O; they usually declare their methods in an
 * {@link org.ailedger.precompiles.abi.FunctionTable} and delegate {@link #call} to it.
 */
public interface NativeContract {
  Address address();

  /** A short human name, used in revert reasons and in the {@code eth_getCode} marker. */
  String name();

  /**
   * Handles one call and returns its ABI-encoded output.
   *
   * @throws ContractRevert to refuse the call with a reason
   * @throws org.ailedger.precompiles.gas.OutOfGas when the meter runs dry
   */
  Bytes call(ContractState state, Bytes input);
}
