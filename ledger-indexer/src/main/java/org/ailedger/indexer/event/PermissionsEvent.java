package org.ailedger.indexer.event;

import org.apache.tuweni.bytes.Bytes32;

/** Events of Permissions at 0x…1000 (IPermissions.sol). */
public sealed interface PermissionsEvent extends LedgerEvent {
  @Override
  default NativeContract contract() {
    return NativeContract.PERMISSIONS;
  }

  record AccountAdded(EthAddress account, Bytes32 memberId) implements PermissionsEvent {}

  record AccountRemoved(EthAddress account, Bytes32 memberId) implements PermissionsEvent {}

  record RoleGranted(Bytes32 role, EthAddress account) implements PermissionsEvent {}

  record RoleRevoked(Bytes32 role, EthAddress account) implements PermissionsEvent {}

  record NodeAdded(EthAddress node) implements PermissionsEvent {}

  record NodeRemoved(EthAddress node) implements PermissionsEvent {}

  record ValidatorAdded(EthAddress validator) implements PermissionsEvent {}

  record ValidatorRemoved(EthAddress validator) implements PermissionsEvent {}
}
