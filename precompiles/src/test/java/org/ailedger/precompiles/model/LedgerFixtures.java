package org.ailedger.precompiles.model;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.crypto.Hash;

/**
 * A consortium as a devnet would start it: a hospital owning and aggregating a model, contributors
 * in two labs, an auditor, a data provider, and an outsider holding no role.
 */
final class LedgerFixtures {
  static final Bytes32 HOSPITAL = word("hospital-a");
  static final Bytes32 LAB = word("lab-b");
  static final Bytes32 CLINIC = word("clinic-c");

  static final Address OWNER = Address.of(0xa1);
  static final Address AGGREGATOR = Address.of(0xa2);

  /** Holds AGGREGATOR but aggregates no model of the tests. */
  static final Address OTHER_AGGREGATOR = Address.of(0xa3);

  static final Address AUDITOR = Address.of(0xd1);
  static final Address PROVIDER = Address.of(0xe1);

  /** Permitted, but holds no role. */
  static final Address OUTSIDER = Address.of(0xb0);

  /** Contributors 0xc0 … 0xc7: even ones in the lab, odd ones in the clinic. */
  static final List<Address> CONTRIBUTORS =
      IntStream.range(0, 8).mapToObj(i -> Address.of(0xc0 + i)).toList();

  static final Address C1 = CONTRIBUTORS.get(1);
  static final Address C2 = CONTRIBUTORS.get(2);
  static final Address C3 = CONTRIBUTORS.get(3);

  static final Address NODE = Address.of(0x501);

  static final UInt256 TOKEN = UInt256.valueOf(BigInteger.TEN.pow(18));

  /** The devnet's maxRewardPerRound. */
  static final UInt256 MAX_REWARD = TOKEN.multiply(UInt256.valueOf(1_000));

  static final UInt256 OWNER_ALLOCATION = TOKEN.multiply(UInt256.valueOf(5_000));

  static final Bytes32 MODEL = word("chest-xray-v1");

  private LedgerFixtures() {}

  static PermissionsSpec permissions() {
    return permissions(List.of());
  }

  /** The consortium plus {@code extraContributors}, all in the lab. */
  static PermissionsSpec permissions(List<Address> extraContributors) {
    List<PermissionsSpec.Account> accounts = new ArrayList<>();
    List<PermissionsSpec.RoleGrant> roles = new ArrayList<>();
    accounts.add(new PermissionsSpec.Account(OWNER, HOSPITAL));
    accounts.add(new PermissionsSpec.Account(AGGREGATOR, HOSPITAL));
    accounts.add(new PermissionsSpec.Account(OTHER_AGGREGATOR, HOSPITAL));
    accounts.add(new PermissionsSpec.Account(AUDITOR, CLINIC));
    accounts.add(new PermissionsSpec.Account(PROVIDER, CLINIC));
    accounts.add(new PermissionsSpec.Account(OUTSIDER, LAB));
    roles.add(new PermissionsSpec.RoleGrant(Role.MODEL_OWNER, OWNER));
    roles.add(new PermissionsSpec.RoleGrant(Role.AGGREGATOR, AGGREGATOR));
    roles.add(new PermissionsSpec.RoleGrant(Role.AGGREGATOR, OTHER_AGGREGATOR));
    roles.add(new PermissionsSpec.RoleGrant(Role.AUDITOR, AUDITOR));
    for (int i = 0; i < CONTRIBUTORS.size(); i++) {
      Address contributor = CONTRIBUTORS.get(i);
      accounts.add(new PermissionsSpec.Account(contributor, i % 2 == 0 ? LAB : CLINIC));
      roles.add(new PermissionsSpec.RoleGrant(Role.CONTRIBUTOR, contributor));
    }
    for (Address contributor : extraContributors) {
      accounts.add(new PermissionsSpec.Account(contributor, LAB));
      roles.add(new PermissionsSpec.RoleGrant(Role.CONTRIBUTOR, contributor));
    }
    return new PermissionsSpec(accounts, roles, List.of(NODE), List.of(NODE));
  }

  static Bytes32 word(String text) {
    return Bytes32.rightPad(Bytes.wrap(text.getBytes(StandardCharsets.US_ASCII)));
  }

  /** keccak256 of the text: stands for a hash of content kept off chain. */
  static Bytes32 hash(String text) {
    return Bytes32.wrap(Hash.sha3(text.getBytes(StandardCharsets.UTF_8)));
  }

  static UInt256 tokens(long whole) {
    return TOKEN.multiply(UInt256.valueOf(whole));
  }
}
