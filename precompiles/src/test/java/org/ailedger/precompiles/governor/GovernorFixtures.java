package org.ailedger.precompiles.governor;

import static org.ailedger.precompiles.governor.GovernorHarness.member;
import static org.ailedger.precompiles.governor.GovernorHarness.tokens;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A consortium whose numbers make the arithmetic readable. Balances are whole tokens whose square
 * roots are whole: in base units, isqrt(t · 10^18) = sqrt(t) · 10^9 ("gwei" below).
 *
 * <pre>
 * member        accounts                          tokens   q = isqrt(raw)
 * whale         WHALE                              8 100   90 gwei  (90 % of the supply)
 * lab           LAB_1 (100), LAB_2 (0)               100   10 gwei
 * hospital      HOSPITAL_1 (100), HOSPITAL_2 (0)     100   10 gwei
 * university    UNIVERSITY_1                         100   10 gwei
 * coop-1..6     COOPS, one account each          100 each  10 gwei each
 * pauper        PAUPER                                 0    0
 * </pre>
 *
 * Q = 180 gwei; with capBps 1000 the cap is 18 gwei (the whale is held there, everyone else is
 * below it), with quorumBps 2000 the quorum is 36 gwei: the whale and two small members reach it.
 * Parameters are the devnet's: votingDelay 1, votingPeriod 30, timelockBlocks 2, threshold 1 token.
 */
final class GovernorFixtures {
  static final Bytes32 WHALE_CORP = member("whale");
  static final Bytes32 LAB = member("lab");
  static final Bytes32 HOSPITAL = member("hospital");
  static final Bytes32 UNIVERSITY = member("university");
  static final Bytes32 PAUPERS = member("pauper");

  static final Address WHALE = Address.of(0xa0);
  static final Address LAB_1 = Address.of(0xb1);
  static final Address LAB_2 = Address.of(0xb2);
  static final Address HOSPITAL_1 = Address.of(0xc1);
  static final Address HOSPITAL_2 = Address.of(0xc2);
  static final Address UNIVERSITY_1 = Address.of(0xd1);
  static final Address PAUPER = Address.of(0xe1);
  static final List<Address> COOPS =
      List.of(
          Address.of(0xf1),
          Address.of(0xf2),
          Address.of(0xf3),
          Address.of(0xf4),
          Address.of(0xf5),
          Address.of(0xf6));
  static final Address STRANGER = Address.of(0xdead);

  static final Address NODE_1 = Address.of(0x501);
  static final Address NODE_2 = Address.of(0x502);
  static final Address NODE_3 = Address.of(0x503);
  static final Address NODE_4 = Address.of(0x504);

  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger Q = BigInteger.valueOf(180).multiply(GWEI);
  static final BigInteger CAP = BigInteger.valueOf(18).multiply(GWEI);
  static final BigInteger QUORUM = BigInteger.valueOf(36).multiply(GWEI);

  /** Proposals in the tests are made in this block: snapshot 9, votes 11..41, eta 43. */
  static final long CREATED = 10;

  static final long VOTE_START = 11;
  static final long VOTE_END = 41;
  static final long ETA = 43;

  private GovernorFixtures() {}

  static PermissionsSpec permissions() {
    List<PermissionsSpec.Account> accounts = new ArrayList<>();
    accounts.add(new PermissionsSpec.Account(WHALE, WHALE_CORP));
    accounts.add(new PermissionsSpec.Account(LAB_1, LAB));
    accounts.add(new PermissionsSpec.Account(LAB_2, LAB));
    accounts.add(new PermissionsSpec.Account(HOSPITAL_1, HOSPITAL));
    accounts.add(new PermissionsSpec.Account(HOSPITAL_2, HOSPITAL));
    accounts.add(new PermissionsSpec.Account(UNIVERSITY_1, UNIVERSITY));
    accounts.add(new PermissionsSpec.Account(PAUPER, PAUPERS));
    for (int i = 0; i < COOPS.size(); i++) {
      accounts.add(new PermissionsSpec.Account(COOPS.get(i), member("coop-" + (i + 1))));
    }
    return new PermissionsSpec(
        accounts,
        List.of(
            new PermissionsSpec.RoleGrant(Role.MODEL_OWNER, WHALE),
            new PermissionsSpec.RoleGrant(Role.CONTRIBUTOR, LAB_1),
            new PermissionsSpec.RoleGrant(Role.AUDITOR, UNIVERSITY_1)),
        List.of(NODE_1, NODE_2, NODE_3),
        List.of(NODE_1, NODE_2));
  }

  static Map<Address, UInt256> allocation() {
    Map<Address, UInt256> allocation = new LinkedHashMap<>();
    allocation.put(WHALE, tokens(8_100));
    allocation.put(LAB_1, tokens(100));
    allocation.put(HOSPITAL_1, tokens(100));
    allocation.put(UNIVERSITY_1, tokens(100));
    COOPS.forEach(coop -> allocation.put(coop, tokens(100)));
    return allocation;
  }

  static Map<Parameter, UInt256> devnetParameters() {
    Map<Parameter, UInt256> parameters = new EnumMap<>(Parameter.class);
    parameters.put(Parameter.CAP_BPS, UInt256.valueOf(1_000));
    parameters.put(Parameter.QUORUM_BPS, UInt256.valueOf(2_000));
    parameters.put(Parameter.VOTING_DELAY, UInt256.valueOf(1));
    parameters.put(Parameter.VOTING_PERIOD, UInt256.valueOf(30));
    parameters.put(Parameter.TIMELOCK_BLOCKS, UInt256.valueOf(2));
    parameters.put(Parameter.PROPOSAL_THRESHOLD, tokens(1));
    parameters.put(Parameter.MAX_REWARD_PER_ROUND, tokens(1_000));
    return parameters;
  }

  static GovernorHarness consortium() {
    return new GovernorHarness(permissions(), allocation(), devnetParameters());
  }

  static GovernorHarness consortium(Map<Parameter, UInt256> overrides) {
    Map<Parameter, UInt256> parameters = devnetParameters();
    parameters.putAll(overrides);
    return new GovernorHarness(permissions(), allocation(), parameters);
  }

  static BigInteger gwei(long n) {
    return BigInteger.valueOf(n).multiply(GWEI);
  }
}
