package org.ailedger.precompiles.permissions;

import static org.ailedger.precompiles.permissions.PermissionsFixtures.ALICE;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.LAB;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.NODE_1;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.NODE_2;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.STRANGER;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class PermissionsSpecTest {
  private static final List<PermissionsSpec.Account> ACCOUNTS =
      List.of(new PermissionsSpec.Account(ALICE, LAB));
  private static final List<Address> NODES = List.of(NODE_1, NODE_2);

  @Test
  void accountListedTwiceIsRefused() {
    assertThatThrownBy(
            () ->
                new PermissionsSpec(
                    List.of(ACCOUNTS.get(0), new PermissionsSpec.Account(ALICE, LAB)),
                    List.of(),
                    NODES,
                    List.of(NODE_1)))
        .hasMessage("account " + ALICE + " is listed twice");
  }

  @Test
  void zeroMemberOrZeroAccountIsRefused() {
    assertThatThrownBy(() -> new PermissionsSpec.Account(ALICE, Bytes32.ZERO))
        .hasMessage("member id of account " + ALICE + " must not be zero");
    assertThatThrownBy(() -> new PermissionsSpec.Account(Address.ZERO, LAB))
        .hasMessage("the zero address cannot be a permitted account");
  }

  @Test
  void roleForAnAccountThatIsNotPermittedIsRefused() {
    assertThatThrownBy(
            () ->
                new PermissionsSpec(
                    ACCOUNTS,
                    List.of(new PermissionsSpec.RoleGrant(Role.AUDITOR, STRANGER)),
                    NODES,
                    List.of(NODE_1)))
        .hasMessage("role AUDITOR granted to " + STRANGER + ", which is not permitted");
  }

  @Test
  void sameRoleGrantedTwiceIsRefused() {
    PermissionsSpec.RoleGrant grant = new PermissionsSpec.RoleGrant(Role.AUDITOR, ALICE);

    assertThatThrownBy(
            () -> new PermissionsSpec(ACCOUNTS, List.of(grant, grant), NODES, List.of(NODE_1)))
        .hasMessage("role AUDITOR granted to " + ALICE + " twice");
  }

  @Test
  void chainWithoutValidatorsIsRefused() {
    assertThatThrownBy(() -> new PermissionsSpec(ACCOUNTS, List.of(), NODES, List.of()))
        .hasMessage("a chain needs at least one validator");
  }

  @Test
  void validatorOutsideTheNodeAllowlistIsRefused() {
    assertThatThrownBy(() -> new PermissionsSpec(ACCOUNTS, List.of(), NODES, List.of(STRANGER)))
        .hasMessage("validator " + STRANGER + " is not in the node allowlist");
  }

  @Test
  void duplicateNodesOrValidatorsAreRefused() {
    assertThatThrownBy(
            () ->
                new PermissionsSpec(ACCOUNTS, List.of(), List.of(NODE_1, NODE_1), List.of(NODE_1)))
        .hasMessage("node " + NODE_1 + " is listed twice");
    assertThatThrownBy(
            () -> new PermissionsSpec(ACCOUNTS, List.of(), NODES, List.of(NODE_1, NODE_1)))
        .hasMessage("validator " + NODE_1 + " is listed twice");
    assertThatThrownBy(
            () ->
                new PermissionsSpec(
                    ACCOUNTS, List.of(), List.of(Address.ZERO), List.of(Address.ZERO)))
        .hasMessage("the zero address cannot be an allowed node");
  }
}
