package org.ailedger.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ailedger.precompiles.AbiContract;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.AbiFunction;
import org.ailedger.precompiles.abi.FunctionHandler;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.precompiles.permissions.Permissions;
import org.ailedger.precompiles.permissions.PermissionsEvents;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;

class AbiDriftTest {
  private static final FunctionHandler NOTHING = (state, args) -> List.of();

  /** A contract declared only for these tests, with whatever functions and events a case needs. */
  private record ToyContract(
      String name, Address address, FunctionTable functions, List<AbiEvent> events)
      implements AbiContract {}

  /** A contract that declares no ABI at all. */
  private record OpaqueContract(String name, Address address) implements NativeContract {
    @Override
    public Bytes call(ContractState state, Bytes input) {
      return Bytes.EMPTY;
    }
  }

  @Test
  void everyNativeContractMatchesItsSolidityInterface() {
    Map<String, List<String>> drift = new LinkedHashMap<>();
    List<NativeContract> contracts = NativeContracts.standard().all();
    for (NativeContract contract : contracts) {
      List<String> mismatches = AbiDrift.of(contract);
      if (!mismatches.isEmpty()) {
        drift.put(contract.name() + " at " + contract.address(), mismatches);
      }
    }

    assertThat(contracts).isNotEmpty();
    assertThat(drift)
        .withFailMessage(
            () ->
                "the Java native contracts and their Solidity interfaces disagree:\n"
                    + drift.entrySet().stream()
                        .map(e -> e.getKey() + "\n    " + String.join("\n    ", e.getValue()))
                        .collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @Test
  void driftInEitherDirectionIsListed() {
    List<AbiFunction> functions = new ArrayList<>();
    for (AbiFunction function : new Permissions().functions().functions()) {
      switch (function.signature().name()) {
        case "renounceRole" -> {}
        case "isAccountAllowed" ->
            functions.add(
                AbiFunction.view(
                    "isAccountAllowed(address account) returns (uint256)", 1, NOTHING));
        case "getNodes" ->
            functions.add(AbiFunction.nonpayable("getNodes() returns (address[])", 1, NOTHING));
        default -> functions.add(function);
      }
    }
    functions.add(AbiFunction.nonpayable("sweep(uint256 amount)", 1, NOTHING));
    List<AbiEvent> events = new ArrayList<>();
    for (AbiEvent event : permissionsEvents()) {
      if (event == PermissionsEvents.NODE_REMOVED) {
        continue;
      }
      events.add(
          event == PermissionsEvents.ROLE_GRANTED
              ? AbiEvent.parse("RoleGranted(bytes32 indexed role, address account)")
              : event);
    }
    events.add(AbiEvent.parse("Swept(uint256 indexed amount)"));
    ToyContract drifted =
        new ToyContract(
            Permissions.NAME,
            NativeAddresses.PERMISSIONS,
            FunctionTable.of(Permissions.NAME, functions),
            events);

    List<String> mismatches = AbiDrift.of(drifted);

    assertThat(mismatches)
        .containsExactlyInAnyOrder(
            "function renounceRole(bytes32) [0x8bb9c5bf] is declared in IPermissions.sol but not"
                + " in Java",
            "function isAccountAllowed(address) [0x1fd9a8c6] returns (bool) in IPermissions.sol"
                + " but (uint256) in Java",
            "function getNodes() [0xe29581aa] is view in IPermissions.sol but nonpayable in Java",
            "function sweep(uint256) [0xaa60e733] is in Java but not declared in IPermissions.sol",
            "event NodeRemoved(address) is declared in IPermissions.sol but not in Java (events"
                + " read from "
                + ToyContract.class.getName()
                + ".events())",
            "event RoleGranted(bytes32,address): Java emits 2 topics and 32 data bytes where the"
                + " interface's ABI expects 3 topics and 0 data bytes; check which parameters are"
                + " indexed",
            "event Swept(uint256) is in Java ("
                + ToyContract.class.getName()
                + ".events()) but not declared in IPermissions.sol");
  }

  @Test
  void aContractWithoutAnInterfaceIsReported() {
    ToyContract orphan =
        new ToyContract(
            "Orphan",
            Address.of(0x1fff),
            FunctionTable.of("Orphan", List.of(AbiFunction.view("f()", 1, NOTHING))),
            List.of());

    assertThat(AbiDrift.of(orphan))
        .containsExactly(
            "Orphan at "
                + Address.of(0x1fff)
                + ": no abi/Orphan.json was built; add src/main/solidity/IOrphan.sol declaring"
                + " interface IOrphan");
  }

  @Test
  void aContractWithoutAFunctionTableAccessorIsReported() {
    List<String> mismatches =
        AbiDrift.of(new OpaqueContract(Permissions.NAME, NativeAddresses.PERMISSIONS));

    assertThat(mismatches)
        .contains(
            OpaqueContract.class.getName()
                + " has no public FunctionTable functions(), so its selectors cannot be compared");
    assertThat(mismatches)
        .anySatisfy(
            m -> assertThat(m).startsWith("event AccountAdded(address,bytes32) is declared"));
  }

  @Test
  void generatedBindingsComputeTheTopicsTheJavaContractEmits() {
    assertThat(EventEncoder.encode(org.ailedger.chaincode.bindings.Permissions.ACCOUNTADDED_EVENT))
        .isEqualTo(PermissionsEvents.ACCOUNT_ADDED.topic().toHexString());
    assertThat(
            EventEncoder.encode(org.ailedger.chaincode.bindings.Permissions.VALIDATORREMOVED_EVENT))
        .isEqualTo(PermissionsEvents.VALIDATOR_REMOVED.topic().toHexString());
  }

  private static List<AbiEvent> permissionsEvents() {
    return JavaContractAbi.of(new Permissions()).events();
  }
}
