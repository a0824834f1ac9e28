package org.ailedger.precompiles.abi;

import java.util.List;
import org.ailedger.precompiles.ContractState;
import org.web3j.abi.datatypes.Type;

/**
 * The Java body of one ABI function: decoded arguments in, result values out (in the order the
 * signature's {@code returns} declares). Refuses with {@link
 * org.ailedger.precompiles.ContractRevert}.
 */
@FunctionalInterface
public interface FunctionHandler {
  @SuppressWarnings("rawtypes")
  List<Type> handle(ContractState state, AbiArgs args);
}
