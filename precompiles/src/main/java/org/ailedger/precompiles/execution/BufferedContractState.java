package org.ailedger.precompiles.execution;

import java.util.List;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.gas.GasMeter;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** One contract's view of a {@link CallBuffer}. */
final class BufferedContractState implements ContractState {
  private final CallBuffer buffer;
  private final Address address;
  private final CallContext context;

  BufferedContractState(CallBuffer buffer, Address address, CallContext context) {
    this.buffer = buffer;
    this.address = address;
    this.context = context;
  }

  @Override
  public Address address() {
    return address;
  }

  @Override
  public CallContext context() {
    return context;
  }

  @Override
  public GasMeter gas() {
    return buffer.meter();
  }

  @Override
  public Bytes32 load(Bytes32 slot) {
    return buffer.load(address, slot);
  }

  @Override
  public void store(Bytes32 slot, Bytes32 value) {
    buffer.store(address, slot, value);
  }

  @Override
  public void emit(List<Bytes32> topics, Bytes data) {
    buffer.emit(address, List.copyOf(topics), data);
  }

  /** The other contract sees this one as caller, with no value, like an EVM CALL. */
  @Override
  public ContractState contract(Address other) {
    if (other.equals(address)) {
      return this;
    }
    if (!buffer.contracts().isNative(other)) {
      throw new IllegalArgumentException("no native contract at " + other);
    }
    CallContext inner =
        new CallContext(
            address,
            UInt256.ZERO,
            context.blockNumber(),
            context.blockTimestamp(),
            context.chainId(),
            context.gasLimit());
    return new BufferedContractState(buffer, other, inner);
  }
}
