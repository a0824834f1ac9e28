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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.NativeAddresses;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** The Java read API, as the node (over a SlotStore) and other contracts (in a call) use it. */
class PermissionsViewTest {
  private final PermissionsHarness chain =
      new PermissionsHarness(GENESIS, List.of(CallerContracts.registry()));
  private final PermissionsView view = PermissionsView.of(chain.store);

  @Test
  void nodeReadsTheAllowlistsFromTheStore() {
    assertThat(view.isAccountAllowed(OWNER)).isTrue();
    assertThat(view.isAccountAllowed(STRANGER)).isFalse();
    assertThat(view.memberOf(ALICE)).contains(LAB);
    assertThat(view.memberOf(STRANGER)).isEmpty();
    assertThat(view.isNodeAllowed(NODE_3)).isTrue();
    assertThat(view.isNodeAllowed(STRANGER)).isFalse();
    assertThat(view.validators()).containsExactly(NODE_1, NODE_2);
    assertThat(view.isValidator(NODE_3)).isFalse();
    assertThat(view.nodes()).containsExactly(NODE_1, NODE_2, NODE_3);
  }

  @Test
  void rolesByEnumOrById() {
    assertThat(view.hasRole(Role.AGGREGATOR, AGGREGATOR)).isTrue();
    assertThat(view.hasRole(Role.AGGREGATOR.id(), AGGREGATOR)).isTrue();
    assertThat(view.hasRole(Role.AGGREGATOR, OWNER)).isFalse();
    assertThat(view.hasRole(Bytes32.fromHexString("0x01"), AGGREGATOR)).isFalse();
    assertThat(view.roleMembers(Role.CONTRIBUTOR)).containsExactly(ALICE);
  }

  @Test
  void membersAndTheirAccountsAreEnumerable() {
    assertThat(view.members()).containsExactly(HOSPITAL, LAB);
    assertThat(view.accountsOfMember(HOSPITAL)).containsExactly(OWNER, AGGREGATOR);
    assertThat(view.accountsOfMember(NEWCOMER)).isEmpty();
    assertThat(view.accounts()).containsExactly(OWNER, AGGREGATOR, ALICE);
    assertThat(view.accountCount()).isEqualTo(3);
    assertThat(view.accountAt(1)).isEqualTo(AGGREGATOR);
    assertThatThrownBy(() -> view.accountAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void storeViewSeesCommittedChangesButNotRevertedOnes() {
    chain.call(STRANGER, "addAccount", abi(STRANGER), abi(NEWCOMER));
    assertThat(view.isAccountAllowed(STRANGER)).isFalse();

    chain.asGovernor("addAccount", abi(STRANGER), abi(NEWCOMER));
    assertThat(view.isAccountAllowed(STRANGER)).isTrue();
    assertThat(view.members()).containsExactly(HOSPITAL, LAB, NEWCOMER);
  }

  @Test
  void anotherContractReadsRolesInACallAndPaysForTheReads() {
    CallOutcome contributor = callRegistry(ALICE);
    CallOutcome stranger = callRegistry(STRANGER);

    assertThat(contributor.output()).isEqualTo(UInt256.ONE.toBytes());
    assertThat(stranger.output()).isEqualTo(UInt256.ZERO.toBytes());
    // call base plus one cold read of the role's position slot
    assertThat(contributor.gasUsed()).isEqualTo(700 + 2_100);
  }

  private CallOutcome callRegistry(org.ailedger.types.Address account) {
    return chain.call(
        NativeAddresses.MODEL_REGISTRY,
        STRANGER,
        UInt256.ZERO,
        PermissionsHarness.encode("canContribute", abi(account)));
  }
}
