package org.ailedger.indexer.store;

import java.sql.SQLException;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.PermissionsEvent;
import org.ailedger.indexer.event.Role;
import org.apache.tuweni.bytes.Bytes32;

/** Permissions events as history rows of members, roles, nodes and validators. */
final class PermissionRows {
  private static final String MEMBER = "member_id, account, action";
  private static final String ROLE = "role, role_name, account, action";

  void write(Statements sql, LogPosition at, PermissionsEvent event) throws SQLException {
    switch (event) {
      case PermissionsEvent.AccountAdded e ->
          sql.insert(at, "members", MEMBER, e.memberId(), e.account(), "added");
      case PermissionsEvent.AccountRemoved e ->
          sql.insert(at, "members", MEMBER, e.memberId(), e.account(), "removed");
      case PermissionsEvent.RoleGranted e ->
          sql.insert(at, "roles", ROLE, e.role(), roleName(e.role()), e.account(), "granted");
      case PermissionsEvent.RoleRevoked e ->
          sql.insert(at, "roles", ROLE, e.role(), roleName(e.role()), e.account(), "revoked");
      case PermissionsEvent.NodeAdded e ->
          sql.insert(at, "nodes", "node, action", e.node(), "added");
      case PermissionsEvent.NodeRemoved e ->
          sql.insert(at, "nodes", "node, action", e.node(), "removed");
      case PermissionsEvent.ValidatorAdded e ->
          sql.insert(at, "validators", "validator, action", e.validator(), "added");
      case PermissionsEvent.ValidatorRemoved e ->
          sql.insert(at, "validators", "validator, action", e.validator(), "removed");
    }
  }

  static String roleName(Bytes32 role) {
    return Role.of(role).map(Role::name).orElse(null);
  }
}
