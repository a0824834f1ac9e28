package org.ailedger.precompiles.permissions;

import static org.ailedger.precompiles.storage.StorageSlots.mapping;
import static org.ailedger.precompiles.storage.StorageSlots.slot;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.storage.EnumerableSet;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Where Permissions keeps what, and the raw updates that keep the structures consistent with each
 * other. Rules (who may call, what is refused) live in {@link PermissionsAdmin} and {@link
 * PermissionsSpec}; this class assumes they were checked. See {@link Permissions} for the layout.
 */
final class PermissionsLayout {
  static final Bytes32 ACCOUNTS = slot(0);
  static final Bytes32 MEMBER_OF = slot(2);
  static final Bytes32 ROLE_MEMBERS = slot(3);
  static final Bytes32 NODES = slot(4);
  static final Bytes32 VALIDATORS = slot(6);
  static final Bytes32 MEMBER_ACCOUNTS = slot(8);
  static final Bytes32 MEMBERS = slot(9);

  private final ContractStorage storage;

  PermissionsLayout(ContractStorage storage) {
    this.storage = storage;
  }

  EnumerableSet accounts() {
    return new EnumerableSet(storage, ACCOUNTS);
  }

  EnumerableSet nodes() {
    return new EnumerableSet(storage, NODES);
  }

  EnumerableSet validators() {
    return new EnumerableSet(storage, VALIDATORS);
  }

  EnumerableSet members() {
    return new EnumerableSet(storage, MEMBERS);
  }

  EnumerableSet roleMembers(Role role) {
    return new EnumerableSet(storage, mapping(ROLE_MEMBERS, role.id()));
  }

  EnumerableSet memberAccounts(Bytes32 memberId) {
    return new EnumerableSet(storage, mapping(MEMBER_ACCOUNTS, memberId));
  }

  /** Zero when the account is not permitted. */
  Bytes32 memberOf(Address account) {
    return storage.load(mapping(MEMBER_OF, account));
  }

  void addAccount(Address account, Bytes32 memberId) {
    accounts().add(account.toWord());
    storage.store(mapping(MEMBER_OF, account), memberId);
    memberAccounts(memberId).add(account.toWord());
    members().add(memberId);
  }

  /** Removes a permitted account with its roles; returns the roles it lost, in enum order. */
  List<Role> removeAccount(Address account) {
    List<Role> revoked = new ArrayList<>();
    for (Role role : Role.values()) {
      if (roleMembers(role).remove(account.toWord())) {
        revoked.add(role);
      }
    }
    Bytes32 memberId = memberOf(account);
    EnumerableSet ofMember = memberAccounts(memberId);
    ofMember.remove(account.toWord());
    if (ofMember.isEmpty()) {
      members().remove(memberId);
    }
    storage.store(mapping(MEMBER_OF, account), Bytes32.ZERO);
    accounts().remove(account.toWord());
    return List.copyOf(revoked);
  }

  static List<Address> addresses(EnumerableSet set) {
    return set.values().stream().map(Address::fromWord).toList();
  }
}
