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
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Two chains alike but for how one member holds its 1000 tokens: spread unevenly over ten accounts,
 * or all in the first of them. Another member holds 2000 tokens in one account. capBps is 5000, so
 * the cap (half of Q) does not bind and the member's power is exactly isqrt(1000 tokens).
 */
final class SplitHoldings {
  static final Bytes32 SPLITTER = member("splitter");
  static final Bytes32 OTHERS = member("others");
  static final Address OTHER = Address.of(0xf0);
  static final List<Address> ACCOUNTS;
  static final BigInteger MEMBER_POWER = tokens(1_000).toBigInteger().sqrt();

  private static final long[] SPREAD = {55, 45, 100, 100, 100, 100, 100, 100, 100, 200};

  static {
    List<Address> accounts = new ArrayList<>();
    for (int i = 0; i < SPREAD.length; i++) {
      accounts.add(Address.of(0x100 + i));
    }
    ACCOUNTS = List.copyOf(accounts);
  }

  private SplitHoldings() {}

  static GovernorHarness tenAccounts() {
    Map<Address, UInt256> allocation = new LinkedHashMap<>();
    for (int i = 0; i < SPREAD.length; i++) {
      allocation.put(ACCOUNTS.get(i), tokens(SPREAD[i]));
    }
    allocation.put(OTHER, tokens(2_000));
    return chain(allocation);
  }

  static GovernorHarness oneAccount() {
    Map<Address, UInt256> allocation = new LinkedHashMap<>();
    allocation.put(ACCOUNTS.get(0), tokens(1_000));
    allocation.put(OTHER, tokens(2_000));
    return chain(allocation);
  }

  private static GovernorHarness chain(Map<Address, UInt256> allocation) {
    List<PermissionsSpec.Account> accounts = new ArrayList<>();
    for (Address account : ACCOUNTS) {
      accounts.add(new PermissionsSpec.Account(account, SPLITTER));
    }
    accounts.add(new PermissionsSpec.Account(OTHER, OTHERS));
    PermissionsSpec permissions =
        new PermissionsSpec(
            accounts,
            List.of(),
            List.of(GovernorFixtures.NODE_1),
            List.of(GovernorFixtures.NODE_1));
    Map<Parameter, UInt256> parameters = new EnumMap<>(GovernorFixtures.devnetParameters());
    parameters.put(Parameter.CAP_BPS, UInt256.valueOf(5_000));
    return new GovernorHarness(permissions, allocation, parameters);
  }
}
