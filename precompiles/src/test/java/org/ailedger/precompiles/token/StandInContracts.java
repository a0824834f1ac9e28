package org.ailedger.precompiles.token;

import static org.ailedger.precompiles.abi.AbiFunction.nonpayable;
import static org.ailedger.precompiles.abi.AbiFunction.view;
import static org.ailedger.precompiles.abi.AbiValues.uint256;

import java.util.List;
import java.util.Optional;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.abi.AbiFunction;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * Stand-ins for the contracts that use the token's Java API and are written elsewhere: a registry
 * at 0x…1001 that mints rewards, a governor at 0x…1004 that reads past voting weights, and a
 * provenance contract at 0x…1002 that tries what only others may do.
 */
final class StandInContracts {
  private StandInContracts() {}

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

  static NativeContract registry() {
    return contract(
        NativeAddresses.MODEL_REGISTRY,
        "FakeRegistry",
        nonpayable(
            "reward(address to, uint256 amount)",
            0,
            (state, args) -> {
              TokenLedger.of(state).mint(args.address(0), args.uint(1));
              return List.of();
            }),
        nonpayable(
            "rewardThenFail(address to, uint256 amount)",
            0,
            (state, args) -> {
              TokenLedger.of(state).mint(args.address(0), args.uint(1));
              throw new ContractRevert("round finalisation failed later");
            }));
  }

  static NativeContract governor() {
    return contract(
        NativeAddresses.QUADRATIC_GOVERNOR,
        "FakeGovernor",
        view(
            "weights(bytes32 memberId, uint256 blockNumber) returns (uint256, uint256)",
            0,
            (state, args) -> {
              TokenLedger token = TokenLedger.of(state);
              long block = args.uint(1).toLong();
              return List.of(
                  uint256(token.pastMemberBalance(args.bytes32(0), block)),
                  uint256(token.pastQuadraticTotal(block)));
            }));
  }

  static NativeContract provenance() {
    return contract(
        NativeAddresses.DATA_PROVENANCE,
        "FakeProvenance",
        nonpayable(
            "sneakMint(address to, uint256 amount)",
            0,
            (state, args) -> {
              TokenLedger.of(state).mint(args.address(0), args.uint(1));
              return List.of();
            }),
        nonpayable(
            "sneakMembership(address account, bytes32 memberId)",
            0,
            (state, args) -> {
              TokenLedger.of(state)
                  .membershipChanged(
                      args.address(0), Optional.empty(), Optional.of(args.bytes32(1)));
              return List.of();
            }));
  }
}
