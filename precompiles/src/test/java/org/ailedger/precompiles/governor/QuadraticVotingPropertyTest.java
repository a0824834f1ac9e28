package org.ailedger.precompiles.governor;

import static org.ailedger.precompiles.governor.GovernorHarness.decode;
import static org.ailedger.precompiles.governor.GovernorHarness.logs;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * Quadratic voting with caps over random consortia: 1 to 12 members with 1 to 4 accounts each,
 * balances from nothing through dust to 2^150 base units, sometimes a whale holding nine times
 * everyone else together, and any capBps. Each seed draws everything from {@code new Random(seed)},
 * so a failure names its seed and reproduces exactly.
 *
 * <p>For every consortium: the power {@code votingPower} reports is the same for all of a member's
 * accounts and equals min(isqrt(raw), capBps · Q / 10000) computed independently here; no member
 * exceeds the cap; power is monotone in raw balance; the powers sum to at most Q. Then every member
 * votes on a proposal after random transfers made after its snapshot: each vote weighs exactly the
 * member's power at the snapshot, and the tally sums to at most Q.
 */
class QuadraticVotingPropertyTest {
  private static final int SEEDS = 200;
  private static final BigInteger ALL_BPS = BigInteger.valueOf(10_000);

  static IntStream seeds() {
    return IntStream.range(0, SEEDS);
  }

  /** One member of a random consortium: its accounts and what each holds at genesis. */
  private record Member(Bytes32 id, List<Address> accounts, List<BigInteger> balances) {
    BigInteger raw() {
      return balances.stream().reduce(BigInteger.ZERO, BigInteger::add);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void powerIsCappedMonotoneAndSumsToAtMostQ(int seed) {
    Random random = new Random(seed);
    List<Member> members = consortium(random);
    UInt256 capBps = capBps(random);
    GovernorHarness chain = chain(members, capBps);
    BigInteger q =
        members.stream().map(m -> m.raw().sqrt()).reduce(BigInteger.ZERO, BigInteger::add);
    BigInteger cap = capBps.toBigInteger().multiply(q).divide(ALL_BPS);
    chain.block = 1;

    List<BigInteger> powers = new ArrayList<>();
    for (Member member : members) {
      BigInteger power = chain.votingPower(member.accounts().get(0), 0);
      for (Address account : member.accounts()) {
        assertThat(chain.votingPower(account, 0))
            .as("seed %d: power of %s of member %s", seed, account, member.id())
            .isEqualTo(power)
            .isEqualTo(member.raw().sqrt().min(cap));
      }
      assertThat(power).as("seed %d: power within the cap %s", seed, cap).isLessThanOrEqualTo(cap);
      powers.add(power);
    }
    assertThat(
            chain.viewUint(GovernorHarness.TOKEN, "getPastQuadraticTotal", GovernorHarness.uint(0)))
        .as("seed %d: Q", seed)
        .isEqualTo(q);
    for (int i = 0; i < members.size(); i++) {
      for (int j = 0; j < members.size(); j++) {
        if (members.get(i).raw().compareTo(members.get(j).raw()) <= 0) {
          assertThat(powers.get(i))
              .as("seed %d: member %d holds no more than member %d", seed, i, j)
              .isLessThanOrEqualTo(powers.get(j));
        }
      }
    }
    BigInteger sum = powers.stream().reduce(BigInteger.ZERO, BigInteger::add);
    assertThat(sum).as("seed %d: sum of powers", seed).isLessThanOrEqualTo(q);

    voteAfterRandomTransfers(seed, random, chain, members, powers, q);
  }

  private static void voteAfterRandomTransfers(
      int seed,
      Random random,
      GovernorHarness chain,
      List<Member> members,
      List<BigInteger> powers,
      BigInteger q) {
    Member richest = members.stream().max((a, b) -> a.raw().compareTo(b.raw())).orElseThrow();
    if (richest.raw().signum() == 0) {
      return; // nobody holds anything: nobody may propose
    }
    long id =
        chain.proposeOk(
            richest.accounts().get(0),
            ProposalKind.SET_PARAMETER,
            QuadraticGovernorTest.setParameter(Parameter.CAP_BPS, UInt256.valueOf(5_000)));
    chain.block = 2;
    List<Address> everyone = members.stream().flatMap(m -> m.accounts().stream()).toList();
    for (int i = 0; i < 5; i++) {
      Address from = everyone.get(random.nextInt(everyone.size()));
      BigInteger balance =
          chain.viewUint(GovernorHarness.TOKEN, "balanceOf", GovernorHarness.address(from));
      if (balance.signum() > 0) {
        chain.transfer(
            from,
            everyone.get(random.nextInt(everyone.size())),
            UInt256.valueOf(
                new BigInteger(balance.bitLength(), random).mod(balance).add(BigInteger.ONE)));
      }
    }

    chain.block = 3; // the transfers are history now, but history after the snapshot
    BigInteger tally = BigInteger.ZERO;
    for (int i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      Address voter = member.accounts().get(random.nextInt(member.accounts().size()));
      CallOutcome vote = chain.vote(voter, id, Support.values()[random.nextInt(3)]);
      if (powers.get(i).signum() == 0) {
        assertThat(vote.success()).as("seed %d: member %d has no power", seed, i).isFalse();
        continue;
      }
      assertThat(vote.success())
          .as("seed %d: vote of member %d: %s", seed, i, vote.revertReason())
          .isTrue();
      BigInteger weight =
          (BigInteger)
              decode(
                      logs(vote, GovernorEvents.VOTE_CAST.topic()).get(0).data(),
                      new TypeReference<Uint8>() {},
                      new TypeReference<Uint256>() {},
                      new TypeReference<Uint256>() {})
                  .get(1)
                  .getValue();
      assertThat(weight).as("seed %d: weight of member %d", seed, i).isEqualTo(powers.get(i));
      tally = tally.add(weight);
    }
    BigInteger cast = chain.votes(id).stream().reduce(BigInteger.ZERO, BigInteger::add);
    assertThat(cast).as("seed %d: tally", seed).isEqualTo(tally).isLessThanOrEqualTo(q);
  }

  private static List<Member> consortium(Random random) {
    int count = 1 + random.nextInt(12);
    boolean whale = random.nextInt(4) == 0;
    List<Member> members = new ArrayList<>();
    int next = 0x1000;
    for (int m = 0; m < count; m++) {
      int accounts = 1 + random.nextInt(4);
      List<Address> addresses = new ArrayList<>();
      List<BigInteger> balances = new ArrayList<>();
      for (int a = 0; a < accounts; a++) {
        addresses.add(Address.of(next++));
        balances.add(balance(random));
      }
      members.add(new Member(GovernorHarness.member("member-" + m), addresses, balances));
    }
    if (whale) {
      BigInteger others =
          members.stream().map(Member::raw).reduce(BigInteger.ZERO, BigInteger::add);
      List<Address> addresses = List.of(Address.of(next));
      members.add(
          new Member(
              GovernorHarness.member("whale"),
              addresses,
              List.of(others.max(BigInteger.ONE).multiply(BigInteger.valueOf(9)))));
    }
    return members;
  }

  private static BigInteger balance(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.valueOf(1 + random.nextInt(1_000)); // dust
      case 2 -> GovernorHarness.tokens(1 + random.nextInt(10_000)).toBigInteger();
      case 3 -> new BigInteger(150, random);
      default -> BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE);
    };
  }

  private static UInt256 capBps(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> UInt256.ONE;
      case 1 -> UInt256.valueOf(10_000);
      default -> UInt256.valueOf(1 + random.nextInt(10_000));
    };
  }

  private static GovernorHarness chain(List<Member> members, UInt256 capBps) {
    List<PermissionsSpec.Account> accounts = new ArrayList<>();
    Map<Address, UInt256> allocation = new LinkedHashMap<>();
    for (Member member : members) {
      for (int a = 0; a < member.accounts().size(); a++) {
        accounts.add(new PermissionsSpec.Account(member.accounts().get(a), member.id()));
        allocation.put(member.accounts().get(a), UInt256.valueOf(member.balances().get(a)));
      }
    }
    PermissionsSpec permissions =
        new PermissionsSpec(
            accounts,
            List.of(),
            List.of(GovernorFixtures.NODE_1),
            List.of(GovernorFixtures.NODE_1));
    Map<Parameter, UInt256> parameters = new EnumMap<>(Parameter.class);
    parameters.put(Parameter.CAP_BPS, capBps);
    parameters.put(Parameter.PROPOSAL_THRESHOLD, UInt256.ONE);
    return new GovernorHarness(permissions, allocation, parameters);
  }
}
