package org.ailedger.precompiles.model;

import static org.ailedger.precompiles.model.LedgerFixtures.AGGREGATOR;
import static org.ailedger.precompiles.model.LedgerFixtures.CONTRIBUTORS;
import static org.ailedger.precompiles.model.LedgerFixtures.MODEL;
import static org.ailedger.precompiles.model.LedgerFixtures.OWNER;
import static org.ailedger.precompiles.model.LedgerFixtures.OWNER_ALLOCATION;
import static org.ailedger.precompiles.model.LedgerHarness.abi;
import static org.ailedger.precompiles.model.LedgerHarness.uint256;
import static org.ailedger.precompiles.model.LedgerHarness.uint64;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Random rounds with random pools, submitters, accepted subsets and weights, seeded so a failure
 * names the seed that reproduces it: each round mints at most its pool, less than one base unit per
 * accepted contributor short of it, each reward is exactly the pro-rata floor, and the token's
 * balances always add up to its total supply.
 */
class ModelRegistryRewardPropertyTest {
  private static final int ROUNDS_PER_SEED = 4;

  static Stream<Long> seeds() {
    return IntStream.range(0, 200).mapToObj(Long::valueOf);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void roundsMintAtMostTheirPoolAndBalancesAddUpToTheSupply(long seed) {
    Random random = new Random(seed);
    UInt256 cap =
        UInt256.valueOf(new BigInteger(1 + random.nextInt(100), random).add(BigInteger.ONE));
    LedgerHarness chain = new LedgerHarness(cap);
    chain.ok(
        NativeAddresses.MODEL_REGISTRY,
        OWNER,
        "registerModel",
        abi(MODEL),
        new Utf8String("ipfs://seeded"),
        abi(AGGREGATOR));
    Map<Address, BigInteger> expectedBalance = new HashMap<>();
    Map<Address, BigInteger> expectedReputation = new HashMap<>();
    BigInteger supply = OWNER_ALLOCATION.toBigInteger();

    for (long round = 1; round <= ROUNDS_PER_SEED; round++) {
      String where = "seed " + seed + ", round " + round;
      UInt256 pool = UInt256.valueOf(randomBelowOrEqual(random, cap.toBigInteger()));
      chain.ok(
          NativeAddresses.MODEL_REGISTRY,
          AGGREGATOR,
          "openRound",
          abi(MODEL),
          uint64(round),
          abi(LedgerFixtures.word("base-" + round)),
          uint256(pool),
          uint64(chain.block() + 3));

      List<Address> submitters = randomSubset(random, CONTRIBUTORS);
      for (Address submitter : submitters) {
        chain.submitOk(submitter, MODEL, round);
      }
      List<Address> accepted = randomSubset(random, submitters);
      List<UInt256> weights = new ArrayList<>();
      for (int i = 0; i < accepted.size(); i++) {
        int bits = random.nextBoolean() ? 1 + random.nextInt(16) : 1 + random.nextInt(200);
        weights.add(UInt256.valueOf(new BigInteger(bits, random).add(BigInteger.ONE)));
      }

      CallOutcome outcome = chain.finalizeRound(AGGREGATOR, MODEL, round, accepted, weights);
      assertThat(outcome.success()).as(where + ": " + outcome.revertReason().orElse("")).isTrue();

      BigInteger total =
          weights.stream().map(UInt256::toBigInteger).reduce(BigInteger.ZERO, BigInteger::add);
      BigInteger mintedByModel = BigInteger.ZERO;
      for (int i = 0; i < accepted.size(); i++) {
        BigInteger reward =
            pool.toBigInteger().multiply(weights.get(i).toBigInteger()).divide(total);
        Address contributor = accepted.get(i);
        assertThat(chain.update(MODEL, round, contributor).reward().toBigInteger())
            .as(where + ": reward of " + contributor)
            .isEqualTo(reward);
        expectedBalance.merge(contributor, reward, BigInteger::add);
        mintedByModel = mintedByModel.add(reward);
      }
      for (Address submitter : submitters) {
        expectedReputation.merge(
            submitter,
            accepted.contains(submitter) ? BigInteger.ONE : BigInteger.ONE.negate(),
            BigInteger::add);
      }
      supply = supply.add(mintedByModel);

      TrainingRound finalized = chain.round(MODEL, round);
      BigInteger minted = finalized.minted().toBigInteger();
      assertThat(minted).as(where + ": minted").isEqualTo(mintedByModel);
      assertThat(minted).as(where + ": minted ≤ pool").isLessThanOrEqualTo(pool.toBigInteger());
      if (accepted.isEmpty()) {
        assertThat(minted).as(where + ": nobody accepted").isZero();
      } else {
        assertThat(pool.toBigInteger().subtract(minted))
            .as(where + ": pool − minted < accepted")
            .isLessThan(BigInteger.valueOf(accepted.size()));
      }
      assertThat(finalized.accepted()).as(where).isEqualTo(accepted.size());
      assertThat(finalized.submissions()).as(where).isEqualTo(submitters.size());
      chain.mine(1);
    }

    BigInteger sumOfBalances = BigInteger.ZERO;
    for (Address account : PermissionsView.of(chain.store).accounts()) {
      BigInteger balance = chain.balanceOf(account).toBigInteger();
      sumOfBalances = sumOfBalances.add(balance);
      if (CONTRIBUTORS.contains(account)) {
        assertThat(balance)
            .as("seed " + seed + ": balance of " + account)
            .isEqualTo(expectedBalance.getOrDefault(account, BigInteger.ZERO));
        assertThat(chain.reputation(account))
            .as("seed " + seed + ": reputation of " + account)
            .isEqualTo(expectedReputation.getOrDefault(account, BigInteger.ZERO));
      }
    }
    assertThat(chain.totalSupply().toBigInteger())
        .as("seed " + seed + ": supply")
        .isEqualTo(supply);
    assertThat(sumOfBalances).as("seed " + seed + ": Σ balances == totalSupply").isEqualTo(supply);
  }

  /** A uniformly random value in [0, bound]; a third of the time the bound itself. */
  private static BigInteger randomBelowOrEqual(Random random, BigInteger bound) {
    if (random.nextInt(3) == 0) {
      return bound;
    }
    BigInteger value;
    do {
      value = new BigInteger(bound.bitLength(), random);
    } while (value.compareTo(bound) > 0);
    return value;
  }

  /** A random subset in random order, empty now and then. */
  private static List<Address> randomSubset(Random random, List<Address> from) {
    List<Address> shuffled = new ArrayList<>(from);
    Collections.shuffle(shuffled, random);
    return List.copyOf(shuffled.subList(0, random.nextInt(from.size() + 1)));
  }
}
