package org.ailedger.precompiles.permissions;

import static org.ailedger.precompiles.permissions.PermissionsFixtures.GENESIS;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.NEWCOMER;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.OWNER;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.STRANGER;
import static org.ailedger.precompiles.permissions.PermissionsHarness.abi;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** The Java write API as the governor and other native contracts use it within one call. */
class PermissionsAdminTest {
  private final PermissionsHarness chain =
      new PermissionsHarness(
          GENESIS, List.of(CallerContracts.governor(), CallerContracts.registry()));

  @SuppressWarnings("rawtypes")
  private CallOutcome callGovernor(String function, org.web3j.abi.datatypes.Type... args) {
    return chain.call(
        NativeAddresses.QUADRATIC_GOVERNOR,
        OWNER,
        UInt256.ZERO,
        PermissionsHarness.encode(function, args));
  }

  @Test
  void governorChangesPermissionsThroughJavaAndPermissionsEmitsTheEvent() {
    CallOutcome outcome = callGovernor("addAccount", abi(STRANGER), abi(NEWCOMER));

    assertThat(outcome.success()).as(outcome.revertReason().orElse("")).isTrue();
    assertThat(outcome.logs())
        .containsExactly(
            new Log(
                Permissions.ADDRESS,
                List.of(PermissionsEvents.ACCOUNT_ADDED.topic(), STRANGER.toWord(), NEWCOMER),
                Bytes.EMPTY));
    PermissionsView view = PermissionsView.of(chain.store);
    assertThat(view.isAccountAllowed(STRANGER)).isTrue();
    assertThat(view.memberOf(STRANGER)).contains(NEWCOMER);
  }

  @Test
  void governorRevertingLaterDiscardsThePermissionChange() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = callGovernor("addAccountThenFail", abi(STRANGER), abi(NEWCOMER));

    assertThat(outcome.revertReason()).contains("proposal execution failed later");
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void governorSeesItsOwnWritesWithinTheCall() {
    CallOutcome outcome = callGovernor("addValidatorAndCount", abi(Address.of(0x777)));

    assertThat(outcome.output()).isEqualTo(UInt256.valueOf(3).toBytes());
  }

  @Test
  void ruleViolationsReachTheGovernorAsReverts() {
    CallOutcome outcome = callGovernor("addAccount", abi(OWNER), abi(NEWCOMER));

    assertThat(outcome.revertReason().orElseThrow())
        .startsWith("account " + OWNER + " is already permitted");
  }

  @Test
  void anotherNativeContractCannotWriteThroughJava() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome =
        chain.call(
            NativeAddresses.MODEL_REGISTRY,
            Permissions.GOVERNOR,
            UInt256.ZERO,
            PermissionsHarness.encode("sneakAccount", abi(STRANGER), abi(NEWCOMER)));

    assertThat(outcome.revertReason())
        .contains(
            "only the governor 0x0000000000000000000000000000000000001004 may call"
                + " Permissions.addAccount; caller was 0x0000000000000000000000000000000000001001");
    assertThat(chain.store).isEqualTo(before);
  }
}
