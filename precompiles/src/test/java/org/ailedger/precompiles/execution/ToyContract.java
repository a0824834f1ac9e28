package org.ailedger.precompiles.execution;

import static org.ailedger.precompiles.abi.AbiFunction.nonpayable;
import static org.ailedger.precompiles.abi.AbiFunction.payable;
import static org.ailedger.precompiles.abi.AbiFunction.view;

import java.util.List;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.AbiValues;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.precompiles.storage.StorageSlots;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** A small native contract exercising every path of the framework. */
final class ToyContract implements NativeContract {
  static final Address ADDRESS = Address.of(0x2000);
  static final Address OTHER = Address.of(0x2001);
  static final long FUNCTION_GAS = 50;
  static final Bytes32 VALUE_SLOT = StorageSlots.slot(0);
  static final AbiEvent STORED = AbiEvent.parse("Stored(address indexed by, uint256 value)");

  private final Address address;
  private final String name;
  private final FunctionTable functions;

  private ToyContract(Address address, String name) {
    this.address = address;
    this.name = name;
    this.functions =
        FunctionTable.of(
            name,
            List.of(
                view(
                    "get() returns (uint256)",
                    FUNCTION_GAS,
                    (state, args) ->
                        List.of(AbiValues.uint256(UInt256.fromBytes(state.load(VALUE_SLOT))))),
                nonpayable(
                    "set(uint256 value)",
                    FUNCTION_GAS,
                    (state, args) -> {
                      set(state, args.uint(0));
                      return List.of();
                    }),
                nonpayable(
                    "setThenRevert(uint256 value)",
                    FUNCTION_GAS,
                    (state, args) -> {
                      set(state, args.uint(0));
                      throw new ContractRevert("changed my mind");
                    }),
                view(
                    "readTwice() returns (uint256)",
                    FUNCTION_GAS,
                    (state, args) -> {
                      state.load(VALUE_SLOT);
                      return List.of(AbiValues.uint256(UInt256.fromBytes(state.load(VALUE_SLOT))));
                    }),
                nonpayable(
                    "setAndSpin(uint256 value)",
                    FUNCTION_GAS,
                    (state, args) -> {
                      set(state, args.uint(0));
                      for (long i = 0; ; i++) {
                        state.load(StorageSlots.slot(i));
                      }
                    }),
                payable(
                    "deposit() returns (uint256)",
                    FUNCTION_GAS,
                    (state, args) -> List.of(AbiValues.uint256(state.context().value()))),
                view(
                    "echo(address a, bool b, bytes32 c, string s, bytes d, address[] e)"
                        + " returns (address, bool, bytes32, string, bytes, address[])",
                    FUNCTION_GAS,
                    (state, args) ->
                        List.of(
                            AbiValues.address(args.address(0)),
                            AbiValues.bool(args.bool(1)),
                            AbiValues.bytes32(args.bytes32(2)),
                            AbiValues.string(args.string(3)),
                            AbiValues.bytes(args.bytes(4)),
                            AbiValues.addresses(args.addresses(5)))),
                view(
                    "sneakyView(uint256 value)",
                    FUNCTION_GAS,
                    (state, args) -> {
                      state.store(VALUE_SLOT, args.uint(0).toBytes());
                      return List.of();
                    }),
                view(
                    "wrongReturn() returns (bool)",
                    FUNCTION_GAS,
                    (state, args) -> List.of(AbiValues.uint256(1))),
                nonpayable(
                    "crash()",
                    FUNCTION_GAS,
                    (state, args) -> {
                      throw new IllegalStateException("bug");
                    }),
                nonpayable(
                    "setOther(uint256 value, bool thenRevert)",
                    FUNCTION_GAS,
                    (state, args) -> {
                      set(state, args.uint(0));
                      set(state.contract(OTHER), args.uint(0));
                      if (args.bool(1)) {
                        throw new ContractRevert("reverted after writing two contracts");
                      }
                      return List.of();
                    }),
                view(
                    "callerSeenByOther() returns (address)",
                    FUNCTION_GAS,
                    (state, args) ->
                        List.of(AbiValues.address(state.contract(OTHER).context().caller()))),
                view(
                    "otherValue() returns (uint256)",
                    FUNCTION_GAS,
                    (state, args) ->
                        List.of(
                            AbiValues.uint256(
                                UInt256.fromBytes(state.contract(OTHER).load(VALUE_SLOT))))),
                view(
                    "touchNowhere()",
                    FUNCTION_GAS,
                    (state, args) -> {
                      state.contract(Address.of(0x9999));
                      return List.of();
                    })));
  }

  static ToyContract main() {
    return new ToyContract(ADDRESS, "Toy");
  }

  static ToyContract other() {
    return new ToyContract(OTHER, "OtherToy");
  }

  private static void set(ContractState state, UInt256 value) {
    state.store(VALUE_SLOT, value.toBytes());
    STORED.emit(state, AbiValues.address(state.context().caller()), AbiValues.uint256(value));
  }

  @Override
  public Address address() {
    return address;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Bytes call(ContractState state, Bytes input) {
    return functions.dispatch(state, input);
  }
}
