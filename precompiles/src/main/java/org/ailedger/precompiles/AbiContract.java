package org.ailedger.precompiles;

import java.util.List;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.FunctionTable;
import org.apache.tuweni.bytes.Bytes;

/**
 * A native contract described by a Solidity-style ABI: a table of functions dispatched by selector
 * and the events it emits. The table and the event list are also what the ABI drift check compares
 * with the contract's published interface.
 */
public interface AbiContract extends NativeContract {
  FunctionTable functions();

  /** Every event the contract emits from its own address. */
  List<AbiEvent> events();

  @Override
  default Bytes call(ContractState state, Bytes input) {
    return functions().dispatch(state, input);
  }
}
