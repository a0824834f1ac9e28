package org.ailedger.precompiles.permissions;

import org.ailedger.precompiles.abi.AbiEvent;

/** The events Permissions emits, one per change; genesis seeding emits none. */
public final class PermissionsEvents {
  public static final AbiEvent ACCOUNT_ADDED =
      AbiEvent.parse("AccountAdded(address indexed account, bytes32 indexed memberId)");
  public static final AbiEvent ACCOUNT_REMOVED =
      AbiEvent.parse("AccountRemoved(address indexed account, bytes32 indexed memberId)");
  public static final AbiEvent ROLE_GRANTED =
      AbiEvent.parse("RoleGranted(bytes32 indexed role, address indexed account)");
  public static final AbiEvent ROLE_REVOKED =
      AbiEvent.parse("RoleRevoked(bytes32 indexed role, address indexed account)");
  public static final AbiEvent NODE_ADDED = AbiEvent.parse("NodeAdded(address indexed node)");
  public static final AbiEvent NODE_REMOVED = AbiEvent.parse("NodeRemoved(address indexed node)");
  public static final AbiEvent VALIDATOR_ADDED =
      AbiEvent.parse("ValidatorAdded(address indexed validator)");
  public static final AbiEvent VALIDATOR_REMOVED =
      AbiEvent.parse("ValidatorRemoved(address indexed validator)");

  private PermissionsEvents() {}
}
