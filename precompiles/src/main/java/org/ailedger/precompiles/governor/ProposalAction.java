package org.ailedger.precompiles.governor;

import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.governance.ParameterChange;
import org.ailedger.precompiles.permissions.PermissionsAdmin;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The decoded payload of a proposal: one change to Permissions or to a governed parameter. Checks
 * that hold whatever the chain's state (a known parameter within bounds, a known role, no zero
 * address or member) are made when the proposal is decoded; checks against the state at the time
 * (an account already permitted, the last validator) are Permissions' and happen at execution.
 */
public sealed interface ProposalAction {
  ProposalKind kind();

  /**
   * Carries the change out from the governor's own state, so Permissions sees the governor as its
   * caller.
   *
   * @throws org.ailedger.precompiles.ContractRevert if the change is no longer possible
   */
  void apply(ContractState governor);

  record SetParameter(Parameter parameter, UInt256 value) implements ProposalAction {
    public SetParameter {
      if (parameter == null || value == null) {
        throw new IllegalArgumentException("parameter and value are required");
      }
      parameter
          .violation(value)
          .ifPresent(
              reason -> {
                throw new IllegalArgumentException(reason);
              });
    }

    @Override
    public ProposalKind kind() {
      return ProposalKind.SET_PARAMETER;
    }

    @Override
    public void apply(ContractState governor) {
      ParameterChange.apply(governor, parameter, value);
    }
  }

  record AddAccount(Address account, Bytes32 memberId) implements ProposalAction {
    public AddAccount {
      if (account == null || memberId == null) {
        throw new IllegalArgumentException("AddAccount needs account and memberId");
      }
    }

    @Override
    public ProposalKind kind() {
      return ProposalKind.ADD_ACCOUNT;
    }

    @Override
    public void apply(ContractState governor) {
      PermissionsAdmin.of(governor).addAccount(account, memberId);
    }
  }

  record RemoveAccount(Address account) implements ProposalAction {
    public RemoveAccount {
      if (account == null) {
        throw new IllegalArgumentException("RemoveAccount needs account");
      }
    }

    @Override
    public ProposalKind kind() {
      return ProposalKind.REMOVE_ACCOUNT;
    }

    @Override
    public void apply(ContractState governor) {
      PermissionsAdmin.of(governor).removeAccount(account);
    }
  }

  record GrantRole(Role role, Address account) implements ProposalAction {
    public GrantRole {
      if (role == null || account == null) {
        throw new IllegalArgumentException("GrantRole needs role and account");
      }
    }

    @Override
    public ProposalKind kind() {
      return ProposalKind.GRANT_ROLE;
    }

    @Override
    public void apply(ContractState governor) {
      PermissionsAdmin.of(governor).grantRole(role.id(), account);
    }
  }

  record RevokeRole(Role role, Address account) implements ProposalAction {
    public RevokeRole {
      if (role == null || account == null) {
        throw new IllegalArgumentException("RevokeRole needs role and account");
      }
    }

    @Override
    public ProposalKind kind() {
      return ProposalKind.REVOKE_ROLE;
    }

    @Override
    public void apply(ContractState governor) {
      PermissionsAdmin.of(governor).revokeRole(role.id(), account);
    }
  }

  record AddNode(Address node) implements ProposalAction {
    public AddNode {
      if (node == null) {
        throw new IllegalArgumentException("AddNode needs node");
      }
    }

    @Override
    public ProposalKind kind() {
      return ProposalKind.ADD_NODE;
    }

    @Override
    public void apply(ContractState governor) {
      PermissionsAdmin.of(governor).addNode(node);
    }
  }

  record RemoveNode(Address node) implements ProposalAction {
    public RemoveNode {
      if (node == null) {
        throw new IllegalArgumentException("RemoveNode needs node");
      }
    }

    @Override
    public ProposalKind kind() {
      return ProposalKind.REMOVE_NODE;
    }

    @Override
    public void apply(ContractState governor) {
      PermissionsAdmin.of(governor).removeNode(node);
    }
  }

  record AddValidator(Address validator) implements ProposalAction {
    public AddValidator {
      if (validator == null) {
        throw new IllegalArgumentException("AddValidator needs validator");
      }
    }

    @Override
    public ProposalKind kind() {
      return ProposalKind.ADD_VALIDATOR;
    }

    @Override
    public void apply(ContractState governor) {
      PermissionsAdmin.of(governor).addValidator(validator);
    }
  }

  record RemoveValidator(Address validator) implements ProposalAction {
    public RemoveValidator {
      if (validator == null) {
        throw new IllegalArgumentException("RemoveValidator needs validator");
      }
    }

    @Override
    public ProposalKind kind() {
      return ProposalKind.REMOVE_VALIDATOR;
    }

    @Override
    public void apply(ContractState governor) {
      PermissionsAdmin.of(governor).removeValidator(validator);
    }
  }
}
