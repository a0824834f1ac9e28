package org.ailedger.precompiles.permissions;

import static org.ailedger.precompiles.abi.AbiFunction.nonpayable;
import static org.ailedger.precompiles.abi.AbiFunction.view;
import static org.ailedger.precompiles.abi.AbiValues.addresses;
import static org.ailedger.precompiles.abi.AbiValues.bool;
import static org.ailedger.precompiles.abi.AbiValues.bytes32;
import static org.ailedger.precompiles.abi.AbiValues.bytes32s;
import static org.ailedger.precompiles.abi.AbiValues.uint256;

import java.util.List;
import org.ailedger.precompiles.AbiContract;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.AbiFunction;
import org.ailedger.precompiles.abi.AbiValues;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The Permissions contract at 0x…1000: who may send transactions (accounts, each belonging to a
 * member organisation), which roles they hold, which nodes may connect and which of them validate.
 * Written by genesis ({@link PermissionsGenesis}) and afterwards only by the governor at 0x…1004
 * ({@link PermissionsAdmin}); read by anyone over the ABI and by Java callers through {@link
 * PermissionsView}.
 *
 * <p>Storage layout, as Solidity would lay out the same state variables ({@code Set} is {@link
 * org.ailedger.precompiles.storage.EnumerableSet}: length at its slot, element i at {@code
 * keccak256(slot) + i}, 1-based position of v at {@code keccak256(v . (slot + 1))}):
 *
 * <pre>
 * slot 0, 1  Set accounts                               permitted accounts
 * slot 2     mapping(address => bytes32) memberOf       zero when not permitted
 * slot 3     mapping(bytes32 role => Set) roleMembers   Set at keccak256(role . 3)
 * slot 4, 5  Set nodes                                  node allowlist
 * slot 6, 7  Set validators                             validator set
 * slot 8     mapping(bytes32 member => Set) accounts    Set at keccak256(member . 8)
 * slot 9, 10 Set members                                members with at least one account
 * </pre>
 *
 * Addresses are stored left-padded to a word. Roles are the four of {@link Role}; an unknown role
 * id is refused on writes and answers false on reads.
 *
 * <p>Gas: each function's fixed cost covers decoding and slot-key hashing; slot reads, writes and
 * logs are metered on top by the {@link org.ailedger.precompiles.gas.GasSchedule}.
 */
public final class Permissions implements AbiContract {
  public static final Address ADDRESS = NativeAddresses.PERMISSIONS;

  /** The only caller allowed to change permissions after genesis. */
  public static final Address GOVERNOR = NativeAddresses.QUADRATIC_GOVERNOR;

  public static final String NAME = "Permissions";

  private static final long CONSTANT_GAS = 20;
  private static final long READ_GAS = 200;
  private static final long WRITE_GAS = 1_000;

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
  public FunctionTable functions() {
    return functions;
  }

  @Override
  public List<AbiEvent> events() {
    return List.of(
        PermissionsEvents.ACCOUNT_ADDED,
        PermissionsEvents.ACCOUNT_REMOVED,
        PermissionsEvents.ROLE_GRANTED,
        PermissionsEvents.ROLE_REVOKED,
        PermissionsEvents.NODE_ADDED,
        PermissionsEvents.NODE_REMOVED,
        PermissionsEvents.VALIDATOR_ADDED,
        PermissionsEvents.VALIDATOR_REMOVED);
  }

  private static List<AbiFunction> declarations() {
    return List.of(
        // views from the product design
        view(
            "isAccountAllowed(address account) returns (bool)",
            READ_GAS,
            (state, args) -> List.of(bool(read(state).isAccountAllowed(args.address(0))))),
        view(
            "memberOf(address account) returns (bytes32)",
            READ_GAS,
            (state, args) ->
                List.of(bytes32(read(state).memberOf(args.address(0)).orElse(Bytes32.ZERO)))),
        view(
            "hasRole(bytes32 role, address account) returns (bool)",
            READ_GAS,
            (state, args) -> List.of(bool(read(state).hasRole(args.bytes32(0), args.address(1))))),
        view(
            "isNodeAllowed(address node) returns (bool)",
            READ_GAS,
            (state, args) -> List.of(bool(read(state).isNodeAllowed(args.address(0))))),
        view(
            "getValidators() returns (address[])",
            READ_GAS,
            (state, args) -> List.of(addresses(read(state).validators()))),
        // further views
        view(
            "isValidator(address validator) returns (bool)",
            READ_GAS,
            (state, args) -> List.of(bool(read(state).isValidator(args.address(0))))),
        view(
            "getAccounts() returns (address[])",
            READ_GAS,
            (state, args) -> List.of(addresses(read(state).accounts()))),
        view(
            "accountCount() returns (uint256)",
            READ_GAS,
            (state, args) -> List.of(uint256(read(state).accountCount()))),
        view(
            "accountAt(uint256 index) returns (address)",
            READ_GAS,
            (state, args) -> List.of(AbiValues.address(accountAt(state, args.uint(0))))),
        view(
            "getNodes() returns (address[])",
            READ_GAS,
            (state, args) -> List.of(addresses(read(state).nodes()))),
        view(
            "getRoleMembers(bytes32 role) returns (address[])",
            READ_GAS,
            (state, args) -> List.of(addresses(roleMembers(state, args.bytes32(0))))),
        view(
            "getMembers() returns (bytes32[])",
            READ_GAS,
            (state, args) -> List.of(bytes32s(read(state).members()))),
        view(
            "getMemberAccounts(bytes32 memberId) returns (address[])",
            READ_GAS,
            (state, args) -> List.of(addresses(read(state).accountsOfMember(args.bytes32(0))))),
        view(
            "GOVERNOR() returns (address)",
            CONSTANT_GAS,
            (state, args) -> List.of(AbiValues.address(GOVERNOR))),
        roleConstant(Role.MODEL_OWNER),
        roleConstant(Role.AGGREGATOR),
        roleConstant(Role.CONTRIBUTOR),
        roleConstant(Role.AUDITOR),
        // governor-only writes
        nonpayable(
            "addAccount(address account, bytes32 memberId)",
            WRITE_GAS,
            (state, args) -> {
              PermissionsAdmin.of(state).addAccount(args.address(0), args.bytes32(1));
              return List.of();
            }),
        nonpayable(
            "removeAccount(address account)",
            WRITE_GAS,
            (state, args) -> {
              PermissionsAdmin.of(state).removeAccount(args.address(0));
              return List.of();
            }),
        nonpayable(
            "grantRole(bytes32 role, address account)",
            WRITE_GAS,
            (state, args) -> {
              PermissionsAdmin.of(state).grantRole(args.bytes32(0), args.address(1));
              return List.of();
            }),
        nonpayable(
            "revokeRole(bytes32 role, address account)",
            WRITE_GAS,
            (state, args) -> {
              PermissionsAdmin.of(state).revokeRole(args.bytes32(0), args.address(1));
              return List.of();
            }),
        // the one write open to every account: giving up a role of one's own
        nonpayable(
            "renounceRole(bytes32 role)",
            WRITE_GAS,
            (state, args) -> {
              PermissionsAdmin.of(state).renounceRole(args.bytes32(0));
              return List.of();
            }),
        nonpayable(
            "addNode(address node)",
            WRITE_GAS,
            (state, args) -> {
              PermissionsAdmin.of(state).addNode(args.address(0));
              return List.of();
            }),
        nonpayable(
            "removeNode(address node)",
            WRITE_GAS,
            (state, args) -> {
              PermissionsAdmin.of(state).removeNode(args.address(0));
              return List.of();
            }),
        nonpayable(
            "addValidator(address validator)",
            WRITE_GAS,
            (state, args) -> {
              PermissionsAdmin.of(state).addValidator(args.address(0));
              return List.of();
            }),
        nonpayable(
            "removeValidator(address validator)",
            WRITE_GAS,
            (state, args) -> {
              PermissionsAdmin.of(state).removeValidator(args.address(0));
              return List.of();
            }));
  }

  private static AbiFunction roleConstant(Role role) {
    return view(
        role.name() + "_ROLE() returns (bytes32)",
        CONSTANT_GAS,
        (state, args) -> List.of(bytes32(role.id())));
  }

  private static PermissionsView read(ContractState state) {
    return PermissionsView.of(state);
  }

  private static Address accountAt(ContractState state, UInt256 index) {
    PermissionsView view = read(state);
    int count = view.accountCount();
    if (!index.fitsInt() || index.intValue() >= count) {
      throw new ContractRevert(
          "account index "
              + index.toDecimalString()
              + " is out of range; there are "
              + count
              + " accounts");
    }
    return view.accountAt(index.intValue());
  }

  private static List<Address> roleMembers(ContractState state, Bytes32 roleId) {
    return Role.fromId(roleId).map(role -> read(state).roleMembers(role)).orElse(List.of());
  }
}
