package org.ailedger.chaincode;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.gas.GasMeter;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A contract state that only records the logs emitted into it, so the drift test can see the exact
 * log a Java {@link org.ailedger.precompiles.abi.AbiEvent} produces. It has no storage and no other
 * contracts; event emission needs neither.
 */
final class RecordingState implements ContractState {
  private final Address address;
  private final List<Log> logs = new ArrayList<>();

  RecordingState(Address address) {
    this.address = address;
  }

  List<Log> logs() {
    return List.copyOf(logs);
  }

  @Override
  public Address address() {
    return address;
  }

  @Override
  public CallContext context() {
    return new CallContext(Address.ZERO, UInt256.ZERO, 1, 0, 1, Long.MAX_VALUE);
  }

  @Override
  public GasMeter gas() {
    return new GasMeter(Long.MAX_VALUE);
  }

  @Override
  public void emit(List<Bytes32> topics, Bytes data) {
    logs.add(new Log(address, topics, data));
  }

  @Override
  public ContractState contract(Address other) {
    throw new IllegalArgumentException("a recording state reaches no other contract: " + other);
  }

  @Override
  public Bytes32 load(Bytes32 slot) {
    throw new IllegalStateException("a recording state has no storage");
  }

  @Override
  public void store(Bytes32 slot, Bytes32 value) {
    throw new IllegalStateException("a recording state has no storage");
  }
}
