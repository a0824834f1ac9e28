package org.ailedger.precompiles.permissions;

import static org.ailedger.precompiles.abi.AbiValues.address;
import static org.ailedger.precompiles.abi.AbiValues.bytes32;

import java.util.Optional;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.token.TokenLedger;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The changes to Permissions after genesis, for the ABI functions and for the governor's Java code
 * when it executes a proposal ({@code PermissionsAdmin.of(governorState).addAccount(…)}). Every
 * change requires the caller Permissions sees to be the governor at 0x…1004, emits one event per
 * effect, and refuses anything that would leave the lists inconsistent, with a reason a voter can
 * read.
 *
 * <p>Rules: a permitted account has exactly one non-zero member id and can be added once; roles go
 * only to permitted accounts and are dropped when the account is removed; validators must be
 * allowed nodes, a validator's node cannot be removed, and the last validator cannot be removed.
 * Adding or removing an account tells the ContributionToken, whose member aggregates (the basis of
 * voting weight) count only permitted accounts.
 */
public final class PermissionsAdmin {
  private final ContractState state;
  private final PermissionsLayout layout;

  private PermissionsAdmin(ContractState state) {
    this.state = state;
    this.layout = new PermissionsLayout(state);
  }

  /**
   * From any native contract's state in a call; it is redirected to Permissions' own state, whose
   * caller is then the contract passed in (or the transaction sender for Permissions' own state).
   */
  public static PermissionsAdmin of(ContractState state) {
    return new PermissionsAdmin(state.contract(NativeAddresses.PERMISSIONS));
  }

  public void addAccount(Address account, Bytes32 memberId) {
    requireGovernor("addAccount");
    if (account.equals(Address.ZERO)) {
      throw new ContractRevert("the zero address cannot be a permitted account");
    }
    if (memberId.isZero()) {
      throw new ContractRevert("member id of account " + account + " must not be zero");
    }
    Bytes32 existing = layout.memberOf(account);
    if (!existing.isZero()) {
      throw new ContractRevert(
          "account " + account + " is already permitted (member " + existing.toHexString() + ")");
    }
    layout.addAccount(account, memberId);
    // the account's tokens now count towards its member's voting weight
    TokenLedger.ifDeployed(state)
        .ifPresent(
            token -> token.membershipChanged(account, Optional.empty(), Optional.of(memberId)));
    PermissionsEvents.ACCOUNT_ADDED.emit(state, address(account), bytes32(memberId));
  }

  /** Removes the account and revokes all its roles, emitting RoleRevoked for each. */
  public void removeAccount(Address account) {
    requireGovernor("removeAccount");
    Bytes32 memberId = layout.memberOf(account);
    if (memberId.isZero()) {
      throw new ContractRevert("account " + account + " is not permitted");
    }
    TokenLedger.ifDeployed(state)
        .ifPresent(
            token -> token.membershipChanged(account, Optional.of(memberId), Optional.empty()));
    for (Role role : layout.removeAccount(account)) {
      PermissionsEvents.ROLE_REVOKED.emit(state, bytes32(role.id()), address(account));
    }
    PermissionsEvents.ACCOUNT_REMOVED.emit(state, address(account), bytes32(memberId));
  }

  public void grantRole(Bytes32 roleId, Address account) {
    requireGovernor("grantRole");
    Role role = knownRole(roleId);
    if (layout.memberOf(account).isZero()) {
      throw new ContractRevert(
          "account " + account + " is not permitted; add it before granting " + role);
    }
    if (!layout.roleMembers(role).add(account.toWord())) {
      throw new ContractRevert("account " + account + " already has role " + role);
    }
    PermissionsEvents.ROLE_GRANTED.emit(state, bytes32(role.id()), address(account));
  }

  public void revokeRole(Bytes32 roleId, Address account) {
    requireGovernor("revokeRole");
    Role role = knownRole(roleId);
    if (!layout.roleMembers(role).remove(account.toWord())) {
      throw new ContractRevert("account " + account + " does not have role " + role);
    }
    PermissionsEvents.ROLE_REVOKED.emit(state, bytes32(role.id()), address(account));
  }

  /**
   * The caller gives up one of its own roles, e.g. a contributor leaving a consortium's training.
   * Needs no governance: losing a right harms no one else.
   */
  public void renounceRole(Bytes32 roleId) {
    Address caller = state.context().caller();
    Role role = knownRole(roleId);
    if (!layout.roleMembers(role).remove(caller.toWord())) {
      throw new ContractRevert("account " + caller + " does not have role " + role);
    }
    PermissionsEvents.ROLE_REVOKED.emit(state, bytes32(role.id()), address(caller));
  }

  public void addNode(Address node) {
    requireGovernor("addNode");
    if (node.equals(Address.ZERO)) {
      throw new ContractRevert("the zero address cannot be an allowed node");
    }
    if (!layout.nodes().add(node.toWord())) {
      throw new ContractRevert("node " + node + " is already allowed");
    }
    PermissionsEvents.NODE_ADDED.emit(state, address(node));
  }

  public void removeNode(Address node) {
    requireGovernor("removeNode");
    if (layout.validators().contains(node.toWord())) {
      throw new ContractRevert(
          "node " + node + " is a validator; remove it from the validator set first");
    }
    if (!layout.nodes().remove(node.toWord())) {
      throw new ContractRevert("node " + node + " is not allowed");
    }
    PermissionsEvents.NODE_REMOVED.emit(state, address(node));
  }

  public void addValidator(Address validator) {
    requireGovernor("addValidator");
    if (!layout.nodes().contains(validator.toWord())) {
      throw new ContractRevert(
          "validator " + validator + " must be an allowed node first; add it with addNode");
    }
    if (!layout.validators().add(validator.toWord())) {
      throw new ContractRevert("validator " + validator + " is already a validator");
    }
    PermissionsEvents.VALIDATOR_ADDED.emit(state, address(validator));
  }

  public void removeValidator(Address validator) {
    requireGovernor("removeValidator");
    var validators = layout.validators();
    if (!validators.contains(validator.toWord())) {
      throw new ContractRevert("address " + validator + " is not a validator");
    }
    if (validators.size() == 1) {
      throw new ContractRevert("cannot remove " + validator + ", the last validator");
    }
    validators.remove(validator.toWord());
    PermissionsEvents.VALIDATOR_REMOVED.emit(state, address(validator));
  }

  private void requireGovernor(String function) {
    Address caller = state.context().caller();
    if (!caller.equals(Permissions.GOVERNOR)) {
      throw new ContractRevert(
          "only the governor "
              + Permissions.GOVERNOR
              + " may call Permissions."
              + function
              + "; caller was "
              + caller);
    }
  }

  private static Role knownRole(Bytes32 roleId) {
    return Role.fromId(roleId)
        .orElseThrow(
            () ->
                new ContractRevert(
                    "unknown role "
                        + roleId.toHexString()
                        + "; roles are keccak256 of MODEL_OWNER, AGGREGATOR, CONTRIBUTOR,"
                        + " AUDITOR"));
  }
}
