package org.ailedger.precompiles.permissions;

import static org.ailedger.precompiles.permissions.PermissionsFixtures.AGGREGATOR;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.ALICE;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.GENESIS;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.HOSPITAL;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.LAB;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.NEWCOMER;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.NODE_1;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.NODE_2;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.NODE_3;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.OWNER;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.STRANGER;
import static org.ailedger.precompiles.permissions.PermissionsHarness.abi;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.abi.RevertData;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/** Permissions as clients see it: web3j-encoded calls through the executor. */
@SuppressWarnings("rawtypes")
class PermissionsTest {
  private final PermissionsHarness chain = new PermissionsHarness(GENESIS);

  private static Bytes32 topic(String eventSignature) {
    return Bytes32.fromHexString(Hash.sha3String(eventSignature));
  }

  private static Log log(Bytes32... topics) {
    return new Log(Permissions.ADDRESS, List.of(topics), Bytes.EMPTY);
  }

  private static Bytes32 role(String name) {
    return Bytes32.fromHexString(Hash.sha3String(name));
  }

  private void assertRevert(CallOutcome outcome, String reason) {
    assertThat(outcome.success()).as("call should revert").isFalse();
    assertThat(outcome.revertReason()).contains(reason);
    assertThat(RevertData.decode(outcome.output())).contains(reason);
    assertThat(outcome.logs()).isEmpty();
  }

  // ---- views with the design's signatures

  @Test
  void designViewsAnswerTheGenesisState() {
    assertThat(chain.viewBool("isAccountAllowed", abi(OWNER))).isTrue();
    assertThat(chain.viewBool("isAccountAllowed", abi(STRANGER))).isFalse();
    assertThat(chain.viewBytes32("memberOf", abi(ALICE))).isEqualTo(LAB);
    assertThat(chain.viewBytes32("memberOf", abi(STRANGER))).isEqualTo(Bytes32.ZERO);
    assertThat(chain.viewBool("hasRole", abi(role("CONTRIBUTOR")), abi(ALICE))).isTrue();
    assertThat(chain.viewBool("hasRole", abi(role("CONTRIBUTOR")), abi(OWNER))).isFalse();
    assertThat(chain.viewBool("isNodeAllowed", abi(NODE_3))).isTrue();
    assertThat(chain.viewBool("isNodeAllowed", abi(STRANGER))).isFalse();
    assertThat(chain.viewAddresses("getValidators")).containsExactly(NODE_1, NODE_2);
  }

  @Test
  void designSignaturesHaveTheirStandardSelectors() {
    var functions = new Permissions().functions();
    for (String signature :
        List.of(
            "isAccountAllowed(address)",
            "memberOf(address)",
            "hasRole(bytes32,address)",
            "isNodeAllowed(address)",
            "getValidators()")) {
      Bytes selector = Bytes.fromHexString(Hash.sha3String(signature)).slice(0, 4);
      assertThat(functions.bySelector(selector)).as(signature).isPresent();
    }
  }

  @Test
  void extraViewsListAccountsNodesMembersAndRoles() {
    assertThat(chain.viewAddresses("getAccounts")).containsExactly(OWNER, AGGREGATOR, ALICE);
    assertThat(chain.viewUint("accountCount")).isEqualTo(BigInteger.valueOf(3));
    assertThat(chain.viewAddress("accountAt", new Uint256(2))).isEqualTo(ALICE);
    assertThat(chain.viewAddresses("getNodes")).containsExactly(NODE_1, NODE_2, NODE_3);
    assertThat(chain.viewBool("isValidator", abi(NODE_2))).isTrue();
    assertThat(chain.viewBool("isValidator", abi(NODE_3))).isFalse();
    assertThat(chain.viewAddresses("getRoleMembers", abi(role("AUDITOR")))).containsExactly(ALICE);
    assertThat(chain.viewBytes32s("getMembers")).containsExactly(HOSPITAL, LAB);
    assertThat(chain.viewAddresses("getMemberAccounts", abi(HOSPITAL)))
        .containsExactly(OWNER, AGGREGATOR);
    assertThat(chain.viewAddresses("getMemberAccounts", abi(NEWCOMER))).isEmpty();
    assertThat(chain.viewAddress("GOVERNOR")).isEqualTo(Address.of(0x1004));
  }

  @Test
  void roleConstantsAreKeccakOfTheirNames() {
    for (String name : List.of("MODEL_OWNER", "AGGREGATOR", "CONTRIBUTOR", "AUDITOR")) {
      assertThat(chain.viewBytes32(name + "_ROLE")).as(name).isEqualTo(role(name));
    }
  }

  @Test
  void unknownRoleHasNoMembers() {
    assertThat(chain.viewBool("hasRole", abi(role("ADMIN")), abi(ALICE))).isFalse();
    assertThat(chain.viewAddresses("getRoleMembers", abi(role("ADMIN")))).isEmpty();
  }

  @Test
  void accountIndexOutOfRangeReverts() {
    assertRevert(
        chain.call(STRANGER, "accountAt", new Uint256(3)),
        "account index 3 is out of range; there are 3 accounts");
    assertRevert(
        chain.call(STRANGER, "accountAt", new Uint256(BigInteger.TWO.pow(200))),
        "account index " + BigInteger.TWO.pow(200) + " is out of range; there are 3 accounts");
  }

  // ---- call-level refusals

  @Test
  void malformedArgumentsNameTheFunction() {
    Bytes input = PermissionsHarness.encode("isAccountAllowed", abi(OWNER));

    assertRevert(
        chain.call(Permissions.ADDRESS, STRANGER, UInt256.ZERO, input.slice(0, 20)),
        "malformed arguments for isAccountAllowed(address)");
  }

  @Test
  void unknownSelectorNamesPermissions() {
    assertRevert(
        chain.call(Permissions.ADDRESS, STRANGER, UInt256.ZERO, Bytes.fromHexString("0x12345678")),
        "unknown function selector 0x12345678 on Permissions");
  }

  @Test
  void valueIsRefused() {
    Bytes input = PermissionsHarness.encode("addNode", abi(Address.of(0x600)));

    assertRevert(
        chain.call(Permissions.ADDRESS, Permissions.GOVERNOR, UInt256.ONE, input),
        "native contracts do not accept value: addNode(address) is not payable");
  }

  static Stream<Arguments> writes() {
    return Stream.of(
        Arguments.of("addAccount", new Type[] {abi(STRANGER), abi(NEWCOMER)}),
        Arguments.of("removeAccount", new Type[] {abi(ALICE)}),
        Arguments.of("grantRole", new Type[] {abi(role("AUDITOR")), abi(OWNER)}),
        Arguments.of("revokeRole", new Type[] {abi(role("CONTRIBUTOR")), abi(ALICE)}),
        Arguments.of("addNode", new Type[] {abi(Address.of(0x600))}),
        Arguments.of("removeNode", new Type[] {abi(NODE_3)}),
        Arguments.of("addValidator", new Type[] {abi(NODE_3)}),
        Arguments.of("removeValidator", new Type[] {abi(NODE_2)}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void writesFromAnyoneButTheGovernorAreRefused(String function, Type[] args) {
    InMemorySlotStore before = chain.store.copy();

    for (Address caller : List.of(OWNER, STRANGER, Permissions.ADDRESS, Address.of(0x1003))) {
      assertRevert(
          chain.call(caller, function, args),
          "only the governor 0x0000000000000000000000000000000000001004 may call Permissions."
              + function
              + "; caller was "
              + caller);
    }
    assertThat(chain.store).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void theSameWritesSucceedFromTheGovernor(String function, Type[] args) {
    CallOutcome outcome = chain.asGovernor(function, args);

    assertThat(outcome.success()).as(outcome.revertReason().orElse("")).isTrue();
    assertThat(outcome.logs()).isNotEmpty();
  }

  // ---- renouncing

  @Test
  void anAccountRenouncesItsOwnRoleWithoutGovernance() {
    CallOutcome outcome = chain.call(ALICE, "renounceRole", abi(role("CONTRIBUTOR")));

    assertThat(outcome.success()).as(outcome.revertReason().orElse("")).isTrue();
    assertThat(outcome.logs())
        .containsExactly(
            log(topic("RoleRevoked(bytes32,address)"), role("CONTRIBUTOR"), ALICE.toWord()));
    assertThat(chain.viewBool("hasRole", abi(role("CONTRIBUTOR")), abi(ALICE))).isFalse();
    assertThat(chain.viewBool("hasRole", abi(role("AUDITOR")), abi(ALICE))).isTrue();
    assertThat(chain.viewBool("isAccountAllowed", abi(ALICE))).isTrue();
  }

  @Test
  void renouncingARoleOneLacksRevertsAndChangesNothing() {
    InMemorySlotStore before = chain.store.copy();

    assertRevert(
        chain.call(STRANGER, "renounceRole", abi(role("AUDITOR"))),
        "account " + STRANGER + " does not have role AUDITOR");
    assertThat(chain.store).isEqualTo(before);
  }

  // ---- accounts

  @Test
  void addAccountPermitsTheAccountAndEmitsAccountAdded() {
    CallOutcome outcome = chain.asGovernor("addAccount", abi(STRANGER), abi(NEWCOMER));

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.logs())
        .containsExactly(log(topic("AccountAdded(address,bytes32)"), STRANGER.toWord(), NEWCOMER));
    assertThat(chain.viewBool("isAccountAllowed", abi(STRANGER))).isTrue();
    assertThat(chain.viewBytes32("memberOf", abi(STRANGER))).isEqualTo(NEWCOMER);
    assertThat(chain.viewBytes32s("getMembers")).containsExactly(HOSPITAL, LAB, NEWCOMER);
    assertThat(chain.viewAddresses("getMemberAccounts", abi(NEWCOMER))).containsExactly(STRANGER);
  }

  @Test
  void addingAPermittedAccountAgainIsRefusedEvenForAnotherMember() {
    InMemorySlotStore before = chain.store.copy();

    assertRevert(
        chain.asGovernor("addAccount", abi(ALICE), abi(HOSPITAL)),
        "account " + ALICE + " is already permitted (member " + LAB.toHexString() + ")");
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void zeroMemberIdOrZeroAddressIsRefused() {
    assertRevert(
        chain.asGovernor("addAccount", abi(STRANGER), abi(Bytes32.ZERO)),
        "member id of account " + STRANGER + " must not be zero");
    assertRevert(
        chain.asGovernor("addAccount", abi(Address.ZERO), abi(LAB)),
        "the zero address cannot be a permitted account");
  }

  @Test
  void removeAccountRevokesItsRolesFirst() {
    CallOutcome outcome = chain.asGovernor("removeAccount", abi(ALICE));

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.logs())
        .containsExactly(
            log(topic("RoleRevoked(bytes32,address)"), role("CONTRIBUTOR"), ALICE.toWord()),
            log(topic("RoleRevoked(bytes32,address)"), role("AUDITOR"), ALICE.toWord()),
            log(topic("AccountRemoved(address,bytes32)"), ALICE.toWord(), LAB));
    assertThat(chain.viewBool("isAccountAllowed", abi(ALICE))).isFalse();
    assertThat(chain.viewBytes32("memberOf", abi(ALICE))).isEqualTo(Bytes32.ZERO);
    assertThat(chain.viewBool("hasRole", abi(role("CONTRIBUTOR")), abi(ALICE))).isFalse();
    assertThat(chain.viewAddresses("getRoleMembers", abi(role("AUDITOR")))).isEmpty();
  }

  @Test
  void removingAMembersLastAccountRemovesTheMember() {
    chain.asGovernor("removeAccount", abi(ALICE));

    assertThat(chain.viewBytes32s("getMembers")).containsExactly(HOSPITAL);
    assertThat(chain.viewAddresses("getMemberAccounts", abi(LAB))).isEmpty();
  }

  @Test
  void removingOneOfSeveralAccountsKeepsTheMember() {
    chain.asGovernor("removeAccount", abi(OWNER));

    assertThat(chain.viewBytes32s("getMembers")).containsExactly(HOSPITAL, LAB);
    assertThat(chain.viewAddresses("getMemberAccounts", abi(HOSPITAL))).containsExactly(AGGREGATOR);
    assertThat(chain.viewAddresses("getAccounts")).containsExactlyInAnyOrder(AGGREGATOR, ALICE);
  }

  @Test
  void removedAccountCanBeAddedBackUnderAnotherMemberWithoutItsOldRoles() {
    chain.asGovernor("removeAccount", abi(ALICE));

    assertThat(chain.asGovernor("addAccount", abi(ALICE), abi(NEWCOMER)).success()).isTrue();
    assertThat(chain.viewBytes32("memberOf", abi(ALICE))).isEqualTo(NEWCOMER);
    assertThat(chain.viewBool("hasRole", abi(role("CONTRIBUTOR")), abi(ALICE))).isFalse();
  }

  @Test
  void removingAnAccountThatIsNotPermittedIsRefused() {
    assertRevert(
        chain.asGovernor("removeAccount", abi(STRANGER)),
        "account " + STRANGER + " is not permitted");
  }

  // ---- roles

  @Test
  void grantRoleEmitsRoleGranted() {
    CallOutcome outcome = chain.asGovernor("grantRole", abi(role("AUDITOR")), abi(OWNER));

    assertThat(outcome.logs())
        .containsExactly(
            log(topic("RoleGranted(bytes32,address)"), role("AUDITOR"), OWNER.toWord()));
    assertThat(chain.viewBool("hasRole", abi(role("AUDITOR")), abi(OWNER))).isTrue();
  }

  @Test
  void grantingARoleToANonPermittedAccountIsRefused() {
    assertRevert(
        chain.asGovernor("grantRole", abi(role("CONTRIBUTOR")), abi(STRANGER)),
        "account " + STRANGER + " is not permitted; add it before granting CONTRIBUTOR");
  }

  @Test
  void grantingARoleTwiceIsRefused() {
    assertRevert(
        chain.asGovernor("grantRole", abi(role("CONTRIBUTOR")), abi(ALICE)),
        "account " + ALICE + " already has role CONTRIBUTOR");
  }

  @Test
  void unknownRoleIsRefusedOnWrites() {
    Bytes32 admin = role("ADMIN");

    assertRevert(
        chain.asGovernor("grantRole", abi(admin), abi(ALICE)),
        "unknown role "
            + admin.toHexString()
            + "; roles are keccak256 of MODEL_OWNER, AGGREGATOR, CONTRIBUTOR, AUDITOR");
    assertThat(chain.asGovernor("revokeRole", abi(admin), abi(ALICE)).success()).isFalse();
  }

  @Test
  void revokeRoleEmitsRoleRevokedAndRefusesARoleNotHeld() {
    CallOutcome outcome = chain.asGovernor("revokeRole", abi(role("AUDITOR")), abi(ALICE));

    assertThat(outcome.logs())
        .containsExactly(
            log(topic("RoleRevoked(bytes32,address)"), role("AUDITOR"), ALICE.toWord()));
    assertRevert(
        chain.asGovernor("revokeRole", abi(role("AUDITOR")), abi(ALICE)),
        "account " + ALICE + " does not have role AUDITOR");
  }

  // ---- nodes and validators

  @Test
  void addNodeEmitsNodeAddedAndRefusesDuplicatesAndZero() {
    Address node = Address.of(0x600);

    assertThat(chain.asGovernor("addNode", abi(node)).logs())
        .containsExactly(log(topic("NodeAdded(address)"), node.toWord()));
    assertThat(chain.viewBool("isNodeAllowed", abi(node))).isTrue();
    assertRevert(chain.asGovernor("addNode", abi(node)), "node " + node + " is already allowed");
    assertRevert(
        chain.asGovernor("addNode", abi(Address.ZERO)),
        "the zero address cannot be an allowed node");
  }

  @Test
  void removeNodeEmitsNodeRemovedAndRefusesUnknownNodes() {
    assertThat(chain.asGovernor("removeNode", abi(NODE_3)).logs())
        .containsExactly(log(topic("NodeRemoved(address)"), NODE_3.toWord()));
    assertThat(chain.viewAddresses("getNodes")).containsExactlyInAnyOrder(NODE_1, NODE_2);
    assertRevert(chain.asGovernor("removeNode", abi(NODE_3)), "node " + NODE_3 + " is not allowed");
  }

  @Test
  void validatorsNodeCannotBeRemoved() {
    assertRevert(
        chain.asGovernor("removeNode", abi(NODE_1)),
        "node " + NODE_1 + " is a validator; remove it from the validator set first");
  }

  @Test
  void addValidatorEmitsValidatorAddedAndRequiresAnAllowedNode() {
    assertThat(chain.asGovernor("addValidator", abi(NODE_3)).logs())
        .containsExactly(log(topic("ValidatorAdded(address)"), NODE_3.toWord()));
    assertThat(chain.viewAddresses("getValidators")).containsExactly(NODE_1, NODE_2, NODE_3);
    assertRevert(
        chain.asGovernor("addValidator", abi(NODE_3)),
        "validator " + NODE_3 + " is already a validator");
    assertRevert(
        chain.asGovernor("addValidator", abi(STRANGER)),
        "validator " + STRANGER + " must be an allowed node first; add it with addNode");
  }

  @Test
  void removeValidatorEmitsValidatorRemovedButNeverRemovesTheLast() {
    assertThat(chain.asGovernor("removeValidator", abi(NODE_1)).logs())
        .containsExactly(log(topic("ValidatorRemoved(address)"), NODE_1.toWord()));
    assertThat(chain.viewAddresses("getValidators")).containsExactly(NODE_2);

    assertRevert(
        chain.asGovernor("removeValidator", abi(NODE_2)),
        "cannot remove " + NODE_2 + ", the last validator");
    assertRevert(
        chain.asGovernor("removeValidator", abi(NODE_3)),
        "address " + NODE_3 + " is not a validator");
    assertThat(chain.viewAddresses("getValidators")).containsExactly(NODE_2);
  }

  @Test
  void writesAndViewsAreMetered() {
    CallOutcome view = chain.call(STRANGER, "isAccountAllowed", abi(OWNER));
    CallOutcome write = chain.asGovernor("addNode", abi(Address.of(0x600)));

    // base 700 + function 200 + one cold read of the account's position slot
    assertThat(view.gasUsed()).isEqualTo(700 + 200 + 2_100);
    // base 700 + function 1000; reads: position, length; writes: new element, length 3 -> 4,
    // new position; log with two topics
    assertThat(write.gasUsed())
        .isEqualTo(700 + 1_000 + 2 * 2_100 + 20_000 + 5_000 + 20_000 + 375 + 2 * 375);
  }
}
