package org.ailedger.precompiles.abi;

import java.util.List;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.gas.GasMeter;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The state a view function runs over: reads pass through, writes and logs are bugs. It keeps a
 * function declared as a view from changing state when someone sends it in a transaction.
 */
record ReadOnlyState(ContractState inner, String function) implements ContractState {
  @Override
  public Address address() {
    return inner.address();
  }

  @Override
  public CallContext context() {
    return inner.context();
  }

  @Override
  public GasMeter gas() {
    return inner.gas();
  }

  @Override
  public Bytes32 load(Bytes32 slot) {
    return inner.load(slot);
  }

  @Override
  public void store(Bytes32 slot, Bytes32 value) {
    throw new IllegalStateException("view function " + function + " tried to write a slot");
  }

  @Override
  public void emit(List<Bytes32> topics, Bytes data) {
    throw new IllegalStateException("view function " + function + " tried to emit a log");
  }

  @Override
  public ContractState contract(Address other) {
    ContractState target = inner.contract(other);
    return target == inner ? this : new ReadOnlyState(target, function);
  }
}
