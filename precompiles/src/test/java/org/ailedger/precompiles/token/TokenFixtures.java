package org.ailedger.precompiles.token;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A small consortium: the hospital with two accounts, the lab with two, one outsider. The genesis
 * allocation gives the hospital 400 (all on OWNER) and the lab 100 (all on ALICE), so at block 0
 * raw(hospital) = 400, raw(lab) = 100 and Q = 20 + 10 = 30.
 */
final class TokenFixtures {
  static final Bytes32 HOSPITAL = member("hospital-a");
  static final Bytes32 LAB = member("lab-b");
  static final Bytes32 NEWCOMER = member("newcomer-c");

  static final Address OWNER = Address.of(0xa1);
  static final Address AGGREGATOR = Address.of(0xa2);
  static final Address ALICE = Address.of(0xb1);
  static final Address BOB = Address.of(0xb2);
  static final Address STRANGER = Address.of(0xdead);

  static final Address NODE = Address.of(0x501);

  static final PermissionsSpec PERMISSIONS =
      new PermissionsSpec(
          List.of(
              new PermissionsSpec.Account(OWNER, HOSPITAL),
              new PermissionsSpec.Account(AGGREGATOR, HOSPITAL),
              new PermissionsSpec.Account(ALICE, LAB),
              new PermissionsSpec.Account(BOB, LAB)),
          List.of(),
          List.of(NODE),
          List.of(NODE));

  static final Map<Address, UInt256> ALLOCATION =
      Map.of(OWNER, UInt256.valueOf(400), ALICE, UInt256.valueOf(100));

  private TokenFixtures() {}

  static Bytes32 member(String name) {
    return Bytes32.rightPad(Bytes.wrap(name.getBytes(StandardCharsets.US_ASCII)));
  }

  static UInt256 units(long value) {
    return UInt256.valueOf(value);
  }
}
