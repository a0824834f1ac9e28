package org.ailedger.precompiles.model;

import java.math.BigInteger;
import java.util.List;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.abi.AbiCodec;
import org.ailedger.precompiles.abi.AbiSignature;
import org.ailedger.precompiles.gas.GasMeter;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Uint;

/**
 * The registry's state during one call together with the call's raw input, so a handler can read an
 * argument {@link org.ailedger.precompiles.abi.AbiArgs} has no accessor for: {@code uint256[]}
 * (finalizeRound's weights). Delegates everything else. Goes away once {@code AbiArgs} reads {@code
 * uintN[]} arrays itself.
 */
record RawCallState(ContractState inner, Bytes input) implements ContractState {
  /** Argument {@code index} of {@code signature}, a {@code uintN[]}, from the raw input. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static List<UInt256> uintArray(ContractState state, AbiSignature signature, int index) {
    if (!(state instanceof RawCallState raw)) {
      throw new IllegalStateException("the registry's calls run over a RawCallState");
    }
    List<Type> values =
        AbiCodec.of(signature.inputTypes())
            .decode(raw.input().slice(4))
            .orElseThrow(
                () -> new ContractRevert("malformed arguments for " + signature.canonical()));
    return ((DynamicArray<Uint>) values.get(index))
        .getValue().stream().map(value -> UInt256.valueOf((BigInteger) value.getValue())).toList();
  }

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
    inner.store(slot, value);
  }

  @Override
  public void emit(List<Bytes32> topics, Bytes data) {
    inner.emit(topics, data);
  }

  @Override
  public ContractState contract(Address other) {
    return inner.contract(other);
  }
}
