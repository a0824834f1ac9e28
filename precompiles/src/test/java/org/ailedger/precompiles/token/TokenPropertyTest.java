package org.ailedger.precompiles.token;

import static org.ailedger.precompiles.token.TokenHarness.abi;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random mints, transfers, allowances and membership changes over several blocks, checked against a
 * plain-Java model: every call succeeds exactly when the model says so, and at every past block the
 * sum of balances is the total supply, the member aggregates sum to the balances of the accounts
 * permitted then, and Q is the sum of their square roots. Each seed is replayable on its own; a
 * failure names it.
 */
class TokenPropertyTest {
  private static final int SEEDS = 200;
  private static final int BLOCKS = 12;
  private static final int MAX_OPS_PER_BLOCK = 5;
  private static final List<Address> ACCOUNTS =
      IntStream.range(0, 6).mapToObj(i -> Address.of(0x200 + i)).toList();
  private static final List<Bytes32> MEMBERS =
      List.of(TokenFixtures.member("m0"), TokenFixtures.member("m1"), TokenFixtures.member("m2"));
  private static final Address NODE = Address.of(0x501);

  /** Balances, allowances and membership as the rules say they must be. */
  private static final class Model {
    final Map<Address, BigInteger> balances = new HashMap<>();
    final Map<Address, Bytes32> members = new HashMap<>();
    final Map<List<Address>, BigInteger> allowances = new HashMap<>();

    BigInteger balance(Address account) {
      return balances.getOrDefault(account, BigInteger.ZERO);
    }

    void move(Address from, Address to, BigInteger amount) {
      balances.put(from, balance(from).subtract(amount));
      balances.put(to, balance(to).add(amount));
    }

    Snapshot snapshot() {
      return new Snapshot(Map.copyOf(balances), Map.copyOf(members));
    }
  }

  private record Snapshot(Map<Address, BigInteger> balances, Map<Address, Bytes32> members) {
    BigInteger balance(Address account) {
      return balances.getOrDefault(account, BigInteger.ZERO);
    }

    BigInteger raw(Bytes32 member) {
      return members.entrySet().stream()
          .filter(e -> e.getValue().equals(member))
          .map(e -> balance(e.getKey()))
          .reduce(BigInteger.ZERO, BigInteger::add);
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, SEEDS);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void balancesAggregatesAndQuadraticTotalAgreeAtEveryBlock(int seed) {
    Random random = new Random(seed);
    Model model = new Model();
    TokenHarness chain = genesis(random, model);
    List<Snapshot> history = new ArrayList<>();
    history.add(model.snapshot());

    for (int block = 1; block <= BLOCKS; block++) {
      chain.atBlock(block);
      int ops = random.nextInt(MAX_OPS_PER_BLOCK + 1);
      for (int i = 0; i < ops; i++) {
        step(seed, block, random, chain, model);
      }
      history.add(model.snapshot());
    }

    chain.atBlock(BLOCKS + 1);
    for (int block = 0; block <= BLOCKS; block++) {
      checkBlock(seed, block, chain, history.get(block));
    }
  }

  private static TokenHarness genesis(Random random, Model model) {
    List<PermissionsSpec.Account> accounts = new ArrayList<>();
    Map<Address, UInt256> allocation = new HashMap<>();
    for (Address account : ACCOUNTS.subList(0, 4)) {
      Bytes32 member = MEMBERS.get(random.nextInt(MEMBERS.size()));
      accounts.add(new PermissionsSpec.Account(account, member));
      model.members.put(account, member);
      BigInteger amount = amount(random);
      allocation.put(account, UInt256.valueOf(amount));
      model.balances.put(account, amount);
    }
    return new TokenHarness(
        new PermissionsSpec(accounts, List.of(), List.of(NODE), List.of(NODE)), allocation);
  }

  private static void step(int seed, int block, Random random, TokenHarness chain, Model model) {
    Address a = pick(random);
    Address b = pick(random);
    Address c = pick(random);
    String op;
    boolean expected;
    CallOutcome outcome;
    switch (random.nextInt(6)) {
      case 0 -> {
        BigInteger amount = amount(random);
        op = "mint " + amount + " to " + a;
        expected = model.members.containsKey(a);
        outcome = chain.reward(a, UInt256.valueOf(amount));
        if (expected) {
          model.balances.put(a, model.balance(a).add(amount));
        }
      }
      case 1 -> {
        BigInteger amount = spend(random, model.balance(a));
        op = "transfer " + amount + " from " + a + " to " + b;
        expected = model.members.containsKey(b) && amount.compareTo(model.balance(a)) <= 0;
        outcome = chain.token(a, "transfer", abi(b), abi(UInt256.valueOf(amount)));
        if (expected) {
          model.move(a, b, amount);
        }
      }
      case 2 -> {
        BigInteger amount =
            random.nextInt(5) == 0 ? UInt256.MAX_VALUE.toBigInteger() : amount(random);
        op = a + " approves " + amount + " for " + b;
        expected = true;
        outcome = chain.token(a, "approve", abi(b), abi(UInt256.valueOf(amount)));
        model.allowances.put(List.of(a, b), amount);
      }
      case 3 -> {
        BigInteger allowed = model.allowances.getOrDefault(List.of(a, c), BigInteger.ZERO);
        BigInteger amount = spend(random, model.balance(a).min(allowed));
        op = c + " moves " + amount + " from " + a + " to " + b;
        expected =
            amount.compareTo(allowed) <= 0
                && model.members.containsKey(b)
                && amount.compareTo(model.balance(a)) <= 0;
        outcome = chain.token(c, "transferFrom", abi(a), abi(b), abi(UInt256.valueOf(amount)));
        if (expected) {
          if (!allowed.equals(UInt256.MAX_VALUE.toBigInteger())) {
            model.allowances.put(List.of(a, c), allowed.subtract(amount));
          }
          model.move(a, b, amount);
        }
      }
      case 4 -> {
        Bytes32 member = MEMBERS.get(random.nextInt(MEMBERS.size()));
        op = "add " + a + " to " + member;
        expected = !model.members.containsKey(a);
        outcome = chain.addAccount(a, member);
        if (expected) {
          model.members.put(a, member);
        }
      }
      default -> {
        op = "remove " + a;
        expected = model.members.containsKey(a);
        outcome = chain.removeAccount(a);
        model.members.remove(a);
      }
    }
    assertThat(outcome.success())
        .as(
            "seed %d, block %d: %s -> %s",
            seed, block, op, outcome.revertReason().orElse("success"))
        .isEqualTo(expected);
  }

  private static void checkBlock(int seed, int block, TokenHarness chain, Snapshot expected) {
    String where = "seed " + seed + ", block " + block;
    BigInteger balances = BigInteger.ZERO;
    BigInteger permittedBalances = BigInteger.ZERO;
    for (Address account : ACCOUNTS) {
      BigInteger balance = chain.pastBalance(account, block).toBigInteger();
      assertThat(balance)
          .as("%s: balance of %s", where, account)
          .isEqualTo(expected.balance(account));
      balances = balances.add(balance);
      if (expected.members().containsKey(account)) {
        permittedBalances = permittedBalances.add(balance);
      }
    }
    assertThat(balances)
        .as("%s: sum of balances vs total supply", where)
        .isEqualTo(chain.pastTotalSupply(block).toBigInteger());

    BigInteger raws = BigInteger.ZERO;
    BigInteger quadratic = BigInteger.ZERO;
    for (Bytes32 member : MEMBERS) {
      BigInteger raw = chain.pastMemberBalance(member, block).toBigInteger();
      assertThat(raw).as("%s: raw balance of %s", where, member).isEqualTo(expected.raw(member));
      raws = raws.add(raw);
      quadratic = quadratic.add(raw.sqrt());
    }
    assertThat(raws)
        .as("%s: sum of member aggregates vs balances of permitted accounts", where)
        .isEqualTo(permittedBalances);
    assertThat(chain.pastQuadraticTotal(block).toBigInteger())
        .as("%s: Q vs sum of isqrt(raw(m))", where)
        .isEqualTo(quadratic);
  }

  private static Address pick(Random random) {
    return ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
  }

  /** Mostly small amounts, where square roots change often; sometimes ones of 100 bits. */
  private static BigInteger amount(Random random) {
    return random.nextInt(4) == 0
        ? new BigInteger(100, random)
        : BigInteger.valueOf(random.nextInt(1_000));
  }

  /** Usually at most {@code available}, exactly it now and then, sometimes just over it. */
  private static BigInteger spend(Random random, BigInteger available) {
    int kind = random.nextInt(10);
    if (kind < 7) {
      return available.signum() == 0
          ? BigInteger.ZERO
          : new BigInteger(available.bitLength() + 8, random).mod(available.add(BigInteger.ONE));
    }
    if (kind < 9) {
      return available;
    }
    return available.add(BigInteger.ONE);
  }
}
