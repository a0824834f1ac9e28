package org.ailedger.precompiles.permissions;

import java.util.List;
import java.util.Optional;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Read access to Permissions for Java callers, in two flavours:
 *
 * <ul>
 *   <li>{@link #of(ContractState)} for another native contract during a call: reads go through the
 *       call's buffer and are charged to its gas meter, so they see the call's own earlier writes;
 *   <li>{@link #of(SlotStore)} for the node (transaction admission, peer checks, the validator set
 *       at a block boundary): direct, unmetered reads of whatever state the store holds.
 * </ul>
 */
public final class PermissionsView {
  private final PermissionsLayout layout;

  private PermissionsView(ContractStorage storage) {
    this.layout = new PermissionsLayout(storage);
  }

  /** From any native contract's state in a call; it is redirected to Permissions' own state. */
  public static PermissionsView of(ContractState state) {
    return new PermissionsView(state.contract(NativeAddresses.PERMISSIONS));
  }

  public static PermissionsView of(SlotStore store) {
    return new PermissionsView(ContractStorage.direct(store, NativeAddresses.PERMISSIONS));
  }

  public boolean isAccountAllowed(Address account) {
    return layout.accounts().contains(account.toWord());
  }

  /** The member (organisation) id of a permitted account. */
  public Optional<Bytes32> memberOf(Address account) {
    Bytes32 memberId = layout.memberOf(account);
    return memberId.isZero() ? Optional.empty() : Optional.of(memberId);
  }

  public boolean hasRole(Role role, Address account) {
    return layout.roleMembers(role).contains(account.toWord());
  }

  /** False for a role id that is not one of {@link Role}. */
  public boolean hasRole(Bytes32 roleId, Address account) {
    return Role.fromId(roleId).map(role -> hasRole(role, account)).orElse(false);
  }

  public boolean isNodeAllowed(Address node) {
    return layout.nodes().contains(node.toWord());
  }

  public boolean isValidator(Address validator) {
    return layout.validators().contains(validator.toWord());
  }

  /** In storage order, which is not sorted; QBFT orders validators itself. */
  public List<Address> validators() {
    return PermissionsLayout.addresses(layout.validators());
  }

  public List<Address> accounts() {
    return PermissionsLayout.addresses(layout.accounts());
  }

  public int accountCount() {
    return layout.accounts().size();
  }

  /**
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #accountCount()}
   */
  public Address accountAt(int index) {
    return Address.fromWord(layout.accounts().at(index));
  }

  public List<Address> nodes() {
    return PermissionsLayout.addresses(layout.nodes());
  }

  public List<Address> roleMembers(Role role) {
    return PermissionsLayout.addresses(layout.roleMembers(role));
  }

  /** Member ids that have at least one permitted account. */
  public List<Bytes32> members() {
    return layout.members().values();
  }

  /** The permitted accounts of a member; empty for an unknown member. */
  public List<Address> accountsOfMember(Bytes32 memberId) {
    return PermissionsLayout.addresses(layout.memberAccounts(memberId));
  }
}
