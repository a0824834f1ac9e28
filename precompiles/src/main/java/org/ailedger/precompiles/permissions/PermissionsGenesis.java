package org.ailedger.precompiles.permissions;

import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.types.Address;

/**
 * Writes the initial permissions into block 0's state. It runs outside any call: no caller check,
 * no gas, no logs (genesis has no transactions to carry them). The layout is the same one the
 * contract uses afterwards.
 */
public final class PermissionsGenesis {
  private PermissionsGenesis() {}

  /**
   * @throws IllegalStateException if Permissions' storage in {@code store} is not empty
   */
  public static void seed(SlotStore store, PermissionsSpec spec) {
    PermissionsLayout layout =
        new PermissionsLayout(ContractStorage.direct(store, NativeAddresses.PERMISSIONS));
    if (!layout.accounts().isEmpty()
        || !layout.nodes().isEmpty()
        || !layout.validators().isEmpty()
        || !layout.members().isEmpty()) {
      throw new IllegalStateException("Permissions is already seeded in this state");
    }
    for (PermissionsSpec.Account entry : spec.accounts()) {
      layout.addAccount(entry.account(), entry.memberId());
    }
    for (PermissionsSpec.RoleGrant grant : spec.roles()) {
      layout.roleMembers(grant.role()).add(grant.account().toWord());
    }
    for (Address node : spec.nodes()) {
      layout.nodes().add(node.toWord());
    }
    for (Address validator : spec.validators()) {
      layout.validators().add(validator.toWord());
    }
  }
}
