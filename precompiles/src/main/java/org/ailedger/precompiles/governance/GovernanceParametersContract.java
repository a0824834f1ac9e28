package org.ailedger.precompiles.governance;

import static org.ailedger.precompiles.abi.AbiFunction.view;
import static org.ailedger.precompiles.abi.AbiValues.uint256;

import java.util.List;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.abi.AbiFunction;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The part of the QuadraticGovernor at 0x…1004 that exists before voting does: the governed
 * parameters, readable over the ABI with the design's {@code getParameter(bytes32 name)}.
 *
 * <p>It must be registered at 0x…1004 because other contracts reach the parameters through {@code
 * state.contract(QUADRATIC_GOVERNOR)}, which needs a native contract at that address. The full
 * governor replaces it and keeps these functions by including {@link #declarations()} in its own
 * table.
 */
public final class GovernanceParametersContract implements NativeContract {
  public static final Address ADDRESS = NativeAddresses.QUADRATIC_GOVERNOR;

  /** The governor's name, so the code marker does not change when the full governor arrives. */
  public static final String NAME = "QuadraticGovernor";

  private static final long READ_GAS = 200;

  private final FunctionTable functions = FunctionTable.of(NAME, declarations());

  @Override
  public Address address() {
    return ADDRESS;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Bytes call(ContractState state, Bytes input) {
    return functions.dispatch(state, input);
  }

  public FunctionTable functions() {
    return functions;
  }

  /** The parameter views, for the governor's own function table. */
  public static List<AbiFunction> declarations() {
    return List.of(
        view(
            "getParameter(bytes32 name) returns (uint256)",
            READ_GAS,
            (state, args) ->
                List.of(uint256(GovernanceParameters.of(state).get(known(args.bytes32(0)))))),
        view(
            "getParameterBounds(bytes32 name) returns (uint256 min, uint256 max)",
            READ_GAS,
            (state, args) -> {
              Parameter parameter = known(args.bytes32(0));
              return List.of(uint256(parameter.min()), uint256(parameter.max()));
            }));
  }

  private static Parameter known(Bytes32 key) {
    return Parameter.fromKey(key)
        .orElseThrow(
            () ->
                new ContractRevert(
                    "unknown governance parameter "
                        + key.toHexString()
                        + "; parameters are the ASCII names "
                        + Parameter.labels()
                        + ", right-padded to 32 bytes"));
  }
}
