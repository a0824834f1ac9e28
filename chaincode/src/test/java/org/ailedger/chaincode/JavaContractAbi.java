package org.ailedger.chaincode;

import java.util.List;
import java.util.Optional;
import org.ailedger.precompiles.AbiContract;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.FunctionTable;

/**
 * What a Java native contract declares: its {@link FunctionTable} and its {@link AbiEvent}s, as an
 * {@link AbiContract} exposes them. A native contract that is not an {@code AbiContract} declares
 * nothing, which the drift check reports.
 *
 * @param functions empty if the contract has no function table
 * @param eventSource where the events were read from, for mismatch messages
 */
record JavaContractAbi(
    NativeContract contract,
    Optional<FunctionTable> functions,
    List<AbiEvent> events,
    String eventSource) {

  static JavaContractAbi of(NativeContract contract) {
    String source = contract.getClass().getName() + ".events()";
    if (contract instanceof AbiContract described) {
      return new JavaContractAbi(
          contract, Optional.of(described.functions()), described.events(), source);
    }
    return new JavaContractAbi(contract, Optional.empty(), List.of(), source);
  }
}
