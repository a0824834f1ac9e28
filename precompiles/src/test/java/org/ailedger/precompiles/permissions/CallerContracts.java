package org.ailedger.precompiles.permissions;

import static org.ailedger.precompiles.abi.AbiFunction.nonpayable;
import static org.ailedger.precompiles.abi.AbiFunction.view;

import java.util.List;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.abi.AbiFunction;
import org.ailedger.precompiles.abi.AbiValues;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * Stand-ins for the contracts that will use Permissions' Java API: a governor at 0x…1004 that
 * changes permissions, and a registry at 0x…1001 that reads roles and must not change anything.
 */
final class CallerContracts {
  private CallerContracts() {}

  private record Table(Address address, String name, FunctionTable functions)
      implements NativeContract {
    @Override
    public Bytes call(ContractState state, Bytes input) {
      return functions.dispatch(state, input);
    }
  }

  private static NativeContract contract(Address address, String name, AbiFunction... functions) {
    return new Table(address, name, FunctionTable.of(name, List.of(functions)));
  }

  static NativeContract governor() {
    return contract(
        NativeAddresses.QUADRATIC_GOVERNOR,
        "FakeGovernor",
        nonpayable(
            "addAccount(address account, bytes32 memberId)",
            0,
            (state, args) -> {
              PermissionsAdmin.of(state).addAccount(args.address(0), args.bytes32(1));
              return List.of();
            }),
        nonpayable(
            "addAccountThenFail(address account, bytes32 memberId)",
            0,
            (state, args) -> {
              PermissionsAdmin.of(state).addAccount(args.address(0), args.bytes32(1));
              throw new ContractRevert("proposal execution failed later");
            }),
        nonpayable(
            "addValidatorAndCount(address validator) returns (uint256)",
            0,
            (state, args) -> {
              PermissionsAdmin.of(state).addNode(args.address(0));
              PermissionsAdmin.of(state).addValidator(args.address(0));
              return List.of(AbiValues.uint256(PermissionsView.of(state).validators().size()));
            }));
  }

  static NativeContract registry() {
    return contract(
        NativeAddresses.MODEL_REGISTRY,
        "FakeRegistry",
        view(
            "canContribute(address account) returns (bool)",
            0,
            (state, args) ->
                List.of(
                    AbiValues.bool(
                        PermissionsView.of(state).hasRole(Role.CONTRIBUTOR, args.address(0))))),
        nonpayable(
            "sneakAccount(address account, bytes32 memberId)",
            0,
            (state, args) -> {
              PermissionsAdmin.of(state).addAccount(args.address(0), args.bytes32(1));
              return List.of();
            }));
  }
}
