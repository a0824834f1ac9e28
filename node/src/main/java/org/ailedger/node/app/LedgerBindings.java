package org.ailedger.node.app;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ailedger.node.genesis.GenesisConfig;
import org.ailedger.node.genesis.GenesisFileException;
import org.ailedger.node.genesis.LedgerAccount;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.precompiles.governance.GovernanceGenesis;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.permissions.PermissionsGenesis;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.precompiles.token.TokenGenesis;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Where the node meets the native contracts' storage: seeding the ledger section of genesis, and
 * the allowlist and validator set the node enforces.
 */
public final class LedgerBindings {
  public void seed(GenesisConfig genesis, SlotStore state) {
    List<PermissionsSpec.Account> accounts = new ArrayList<>();
    List<PermissionsSpec.RoleGrant> roles = new ArrayList<>();
    for (LedgerAccount account : genesis.accounts()) {
      accounts.add(new PermissionsSpec.Account(account.address(), account.memberId()));
      for (String role : account.roles()) {
        roles.add(new PermissionsSpec.RoleGrant(role(role, account.address()), account.address()));
      }
    }
    List<Address> nodes = genesis.nodes().isEmpty() ? genesis.validators() : genesis.nodes();
    try {
      PermissionsGenesis.seed(
          state, new PermissionsSpec(accounts, roles, nodes, genesis.validators()));
      // after Permissions: token holders must already be permitted accounts
      TokenGenesis.seed(state, genesis.tokens());
      GovernanceGenesis.seed(state, parameters(genesis));
    } catch (IllegalArgumentException e) {
      throw new GenesisFileException("invalid ledger section: " + e.getMessage(), e);
    }
  }

  private static Map<Parameter, UInt256> parameters(GenesisConfig genesis) {
    Map<Parameter, UInt256> values = new EnumMap<>(Parameter.class);
    genesis
        .parameters()
        .forEach(
            (name, value) ->
                values.put(
                    Parameter.fromLabel(name)
                        .orElseThrow(
                            () ->
                                new GenesisFileException(
                                    "unknown governance parameter '"
                                        + name
                                        + "'; known: "
                                        + Parameter.labels())),
                    value));
    return values;
  }

  public boolean isAccountAllowed(SlotStore state, Address account) {
    return PermissionsView.of(state).isAccountAllowed(account);
  }

  /** The node allowlist: node addresses (of their node keys) that may connect. */
  public List<Address> nodes(SlotStore state) {
    return PermissionsView.of(state).nodes();
  }

  public List<Address> validators(SlotStore state) {
    return PermissionsView.of(state).validators();
  }

  private static Role role(String name, Address account) {
    try {
      return Role.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new GenesisFileException(
          "account "
              + account
              + " has unknown role '"
              + name
              + "'; roles are MODEL_OWNER, AGGREGATOR, CONTRIBUTOR, AUDITOR");
    }
  }
}
