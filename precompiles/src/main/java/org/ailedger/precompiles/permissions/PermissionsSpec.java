package org.ailedger.precompiles.permissions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The permissions a chain starts with, as a genesis file states them. The lists are ordered and the
 * order is kept in storage, so every node that seeds the same spec gets the same state root. The
 * constructor applies the same rules governance applies later, so genesis cannot start the chain in
 * a state governance could never have produced.
 *
 * @param accounts permitted accounts with their member ids
 * @param roles role grants, each to one of {@code accounts}
 * @param nodes the node allowlist
 * @param validators the initial validator set: non-empty, each an allowed node
 */
public record PermissionsSpec(
    List<Account> accounts, List<RoleGrant> roles, List<Address> nodes, List<Address> validators) {

  /** A permitted account and the member (organisation) it belongs to. */
  public record Account(Address account, Bytes32 memberId) {
    public Account {
      if (account == null || memberId == null) {
        throw new IllegalArgumentException("account and member id are required");
      }
      if (account.equals(Address.ZERO)) {
        throw new IllegalArgumentException("the zero address cannot be a permitted account");
      }
      if (memberId.isZero()) {
        throw new IllegalArgumentException("member id of account " + account + " must not be zero");
      }
    }
  }

  public record RoleGrant(Role role, Address account) {
    public RoleGrant {
      if (role == null || account == null) {
        throw new IllegalArgumentException("role and account are required");
      }
    }
  }

  public PermissionsSpec {
    if (accounts == null || roles == null || nodes == null || validators == null) {
      throw new IllegalArgumentException("accounts, roles, nodes and validators are required");
    }
    accounts = List.copyOf(accounts);
    roles = List.copyOf(roles);
    nodes = List.copyOf(nodes);
    validators = List.copyOf(validators);

    Set<Address> permitted = new HashSet<>();
    for (Account entry : accounts) {
      if (!permitted.add(entry.account())) {
        throw new IllegalArgumentException("account " + entry.account() + " is listed twice");
      }
    }
    Set<RoleGrant> grants = new HashSet<>();
    for (RoleGrant grant : roles) {
      if (!permitted.contains(grant.account())) {
        throw new IllegalArgumentException(
            "role " + grant.role() + " granted to " + grant.account() + ", which is not permitted");
      }
      if (!grants.add(grant)) {
        throw new IllegalArgumentException(
            "role " + grant.role() + " granted to " + grant.account() + " twice");
      }
    }
    Set<Address> allowedNodes = new HashSet<>();
    for (Address node : nodes) {
      if (node.equals(Address.ZERO)) {
        throw new IllegalArgumentException("the zero address cannot be an allowed node");
      }
      if (!allowedNodes.add(node)) {
        throw new IllegalArgumentException("node " + node + " is listed twice");
      }
    }
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("a chain needs at least one validator");
    }
    Set<Address> validatorSet = new HashSet<>();
    for (Address validator : validators) {
      if (!allowedNodes.contains(validator)) {
        throw new IllegalArgumentException(
            "validator " + validator + " is not in the node allowlist");
      }
      if (!validatorSet.add(validator)) {
        throw new IllegalArgumentException("validator " + validator + " is listed twice");
      }
    }
  }
}
