package org.ailedger.precompiles.permissions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A small consortium: two members with two and one accounts, three nodes, two validators. */
final class PermissionsFixtures {
  static final Bytes32 HOSPITAL = member("hospital-a");
  static final Bytes32 LAB = member("lab-b");
  static final Bytes32 NEWCOMER = member("newcomer-c");

  static final Address OWNER = Address.of(0xa1);
  static final Address AGGREGATOR = Address.of(0xa2);
  static final Address ALICE = Address.of(0xb1);
  static final Address STRANGER = Address.of(0xdead);

  static final Address NODE_1 = Address.of(0x501);
  static final Address NODE_2 = Address.of(0x502);
  static final Address NODE_3 = Address.of(0x503);

  static final PermissionsSpec GENESIS =
      new PermissionsSpec(
          List.of(
              new PermissionsSpec.Account(OWNER, HOSPITAL),
              new PermissionsSpec.Account(AGGREGATOR, HOSPITAL),
              new PermissionsSpec.Account(ALICE, LAB)),
          List.of(
              new PermissionsSpec.RoleGrant(Role.MODEL_OWNER, OWNER),
              new PermissionsSpec.RoleGrant(Role.AGGREGATOR, AGGREGATOR),
              new PermissionsSpec.RoleGrant(Role.CONTRIBUTOR, ALICE),
              new PermissionsSpec.RoleGrant(Role.AUDITOR, ALICE)),
          List.of(NODE_1, NODE_2, NODE_3),
          List.of(NODE_1, NODE_2));

  private PermissionsFixtures() {}

  static Bytes32 member(String name) {
    return Bytes32.rightPad(Bytes.wrap(name.getBytes(StandardCharsets.US_ASCII)));
  }
}
