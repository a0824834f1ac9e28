package org.ailedger.precompiles.provenance;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;

/**
 * A consortium for provenance tests: two data owners with keys (for signed attestations), two
 * auditors, a permitted account without roles, a relayer, and a key whose account is not permitted.
 */
final class ProvenanceFixtures {
  static final ECKeyPair OWNER_KEY = key("11");
  static final ECKeyPair OTHER_OWNER_KEY = key("22");
  static final ECKeyPair OUTSIDER_KEY = key("33");

  static final Address OWNER = addressOf(OWNER_KEY);
  static final Address OTHER_OWNER = addressOf(OTHER_OWNER_KEY);
  static final Address OUTSIDER = addressOf(OUTSIDER_KEY);
  static final Address AUDITOR = Address.of(0xa0d1);
  static final Address AUDITOR_2 = Address.of(0xa0d2);
  static final Address STRANGER = Address.of(0x5a5a);
  static final Address RELAYER = Address.of(0x7e1a);

  static final Bytes32 HOSPITAL = word("hospital-a");
  static final Bytes32 LAB = word("lab-b");

  static final Address NODE = Address.of(0x501);

  static final PermissionsSpec GENESIS =
      new PermissionsSpec(
          List.of(
              new PermissionsSpec.Account(OWNER, HOSPITAL),
              new PermissionsSpec.Account(OTHER_OWNER, LAB),
              new PermissionsSpec.Account(AUDITOR, LAB),
              new PermissionsSpec.Account(AUDITOR_2, HOSPITAL),
              new PermissionsSpec.Account(STRANGER, LAB),
              new PermissionsSpec.Account(RELAYER, HOSPITAL)),
          List.of(
              new PermissionsSpec.RoleGrant(Role.AUDITOR, AUDITOR),
              new PermissionsSpec.RoleGrant(Role.AUDITOR, AUDITOR_2),
              new PermissionsSpec.RoleGrant(Role.CONTRIBUTOR, STRANGER)),
          List.of(NODE),
          List.of(NODE));

  private ProvenanceFixtures() {}

  /** A dataset id or content hash derived from a readable label. */
  static Bytes32 id(String label) {
    return Bytes32.wrap(Hash.sha3(label.getBytes(StandardCharsets.UTF_8)));
  }

  static Bytes32 word(String ascii) {
    return Bytes32.rightPad(Bytes.wrap(ascii.getBytes(StandardCharsets.US_ASCII)));
  }

  static DatasetClaim claim(String label, Bytes32... parents) {
    return new DatasetClaim(
        id(label),
        id("content of " + label),
        "ipfs://bafy/" + label,
        "CC-BY-4.0",
        List.of(parents));
  }

  static Address addressOf(ECKeyPair key) {
    return Address.fromHex(Keys.getAddress(key));
  }

  /** A fixed key: the private key is the hex digits repeated to 32 bytes. */
  private static ECKeyPair key(String hexByte) {
    return ECKeyPair.create(new BigInteger(hexByte.repeat(32), 16));
  }
}
