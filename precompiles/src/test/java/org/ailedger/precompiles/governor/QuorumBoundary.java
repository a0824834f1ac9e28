package org.ailedger.precompiles.governor;

import static org.ailedger.precompiles.governor.GovernorHarness.member;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Four members whose roots add up to Q = 10^11 exactly, so with quorumBps 3000 the quorum is
 * 3·10^10 and A + B reach it exactly while A + C fall one vote short:
 *
 * <pre>
 * A  q = 2·10^10        B  q = 10^10        C  q = 10^10 − 1        D  q = 6·10^10 + 1
 * </pre>
 *
 * capBps is 10000 so the cap never binds; the threshold is one base unit.
 */
final class QuorumBoundary {
  static final Address A = Address.of(0x1a);
  static final Address B = Address.of(0x1b);
  static final Address C = Address.of(0x1c);
  static final Address D = Address.of(0x1d);
  static final BigInteger QUORUM = BigInteger.valueOf(30_000_000_000L);

  private QuorumBoundary() {}

  static GovernorHarness chain() {
    Map<Address, UInt256> allocation = new LinkedHashMap<>();
    allocation.put(A, squareOf(20_000_000_000L));
    allocation.put(B, squareOf(10_000_000_000L));
    allocation.put(C, squareOf(9_999_999_999L));
    allocation.put(D, squareOf(60_000_000_001L));
    PermissionsSpec permissions =
        new PermissionsSpec(
            List.of(
                new PermissionsSpec.Account(A, member("a")),
                new PermissionsSpec.Account(B, member("b")),
                new PermissionsSpec.Account(C, member("c")),
                new PermissionsSpec.Account(D, member("d"))),
            List.of(),
            List.of(GovernorFixtures.NODE_1),
            List.of(GovernorFixtures.NODE_1));
    Map<Parameter, UInt256> parameters = new EnumMap<>(GovernorFixtures.devnetParameters());
    parameters.put(Parameter.CAP_BPS, UInt256.valueOf(10_000));
    parameters.put(Parameter.QUORUM_BPS, UInt256.valueOf(3_000));
    parameters.put(Parameter.PROPOSAL_THRESHOLD, UInt256.ONE);
    return new GovernorHarness(permissions, allocation, parameters);
  }

  private static UInt256 squareOf(long root) {
    return UInt256.valueOf(BigInteger.valueOf(root).pow(2));
  }
}
