package org.ailedger.precompiles.permissions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Calls contracts the way a client would: web3j-encoded input through the executor, outputs decoded
 * with web3j, over an in-memory store seeded from a genesis spec.
 */
@SuppressWarnings("rawtypes")
final class PermissionsHarness {
  static final long GAS = 5_000_000;

  final InMemorySlotStore store = new InMemorySlotStore();
  private final NativeCallExecutor executor;

  PermissionsHarness(PermissionsSpec genesis, List<NativeContract> extraContracts) {
    List<NativeContract> contracts = new ArrayList<>();
    contracts.add(new Permissions());
    contracts.addAll(extraContracts);
    this.executor =
        new NativeCallExecutor(
            NativeContracts.of(contracts),
            GasSchedule.DEFAULT,
            bug -> {
              throw new AssertionError("contract bug", bug);
            });
    PermissionsGenesis.seed(store, genesis);
  }

  PermissionsHarness(PermissionsSpec genesis) {
    this(genesis, List.of());
  }

  CallOutcome call(Address to, Address caller, UInt256 value, Bytes input) {
    return executor.execute(
        to, new CallContext(caller, value, 10, 1_700_000_000L, 1337, GAS), input, store);
  }

  CallOutcome call(Address caller, String function, Type... args) {
    return call(Permissions.ADDRESS, caller, UInt256.ZERO, encode(function, args));
  }

  CallOutcome asGovernor(String function, Type... args) {
    return call(Permissions.GOVERNOR, function, args);
  }

  static Bytes encode(String function, Type... args) {
    return Bytes.fromHexString(
        FunctionEncoder.encode(new Function(function, List.of(args), List.of())));
  }

  /** Calls a view from an arbitrary account and decodes its single result. */
  Type view(String function, TypeReference<?> result, Type... args) {
    CallOutcome outcome = call(Address.of(0xeeee), function, args);
    if (!outcome.success()) {
      throw new AssertionError(function + " reverted: " + outcome.revertReason().orElse(""));
    }
    @SuppressWarnings("unchecked")
    List<TypeReference<Type>> outputs = List.of((TypeReference<Type>) result);
    return FunctionReturnDecoder.decode(outcome.output().toHexString(), outputs).get(0);
  }

  boolean viewBool(String function, Type... args) {
    return ((Bool) view(function, new TypeReference<Bool>() {}, args)).getValue();
  }

  Bytes32 viewBytes32(String function, Type... args) {
    return Bytes32.wrap(
        ((org.web3j.abi.datatypes.generated.Bytes32)
                view(
                    function,
                    new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {},
                    args))
            .getValue());
  }

  Address viewAddress(String function, Type... args) {
    return address(
        (org.web3j.abi.datatypes.Address)
            view(function, new TypeReference<org.web3j.abi.datatypes.Address>() {}, args));
  }

  BigInteger viewUint(String function, Type... args) {
    return ((Uint256) view(function, new TypeReference<Uint256>() {}, args)).getValue();
  }

  @SuppressWarnings("unchecked")
  List<Address> viewAddresses(String function, Type... args) {
    var array =
        (DynamicArray<org.web3j.abi.datatypes.Address>)
            view(
                function,
                new TypeReference<DynamicArray<org.web3j.abi.datatypes.Address>>() {},
                args);
    return array.getValue().stream().map(PermissionsHarness::address).toList();
  }

  @SuppressWarnings("unchecked")
  List<Bytes32> viewBytes32s(String function, Type... args) {
    var array =
        (DynamicArray<org.web3j.abi.datatypes.generated.Bytes32>)
            view(
                function,
                new TypeReference<DynamicArray<org.web3j.abi.datatypes.generated.Bytes32>>() {},
                args);
    return array.getValue().stream().map(b -> Bytes32.wrap(b.getValue())).toList();
  }

  static org.web3j.abi.datatypes.Address abi(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }

  static org.web3j.abi.datatypes.generated.Bytes32 abi(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArray());
  }

  static Address address(org.web3j.abi.datatypes.Address address) {
    return Address.fromHex(address.getValue());
  }
}
