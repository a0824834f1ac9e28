package org.ailedger.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.precompiles.governance.GovernanceGenesis;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.governor.QuadraticGovernor;
import org.ailedger.precompiles.permissions.Permissions;
import org.ailedger.precompiles.permissions.PermissionsGenesis;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.precompiles.token.ContributionToken;
import org.ailedger.precompiles.token.TokenGenesis;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The cost of the governor's per-member operations as the consortium grows: {@code castVote} and
 * {@code votingPower}, each a full ABI call through the executor, with 10, 1,000 and 100,000
 * members of one account each, seeded through the genesis classes. Neither may scan members or
 * holders, so the time per call should stay flat apart from the logarithmic depth of the slot map;
 * the gas per call, printed at setup, must not change at all.
 *
 * <p>Every vote is cast by a different member against an overlay of the seeded state that is
 * dropped before the next vote, so each call finds the same state however many have run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GovernorBenchmark {
  private static final long GAS = 10_000_000;
  private static final long PROPOSED_IN = 10;
  private static final long VOTED_IN = 11;

  @Param({"10", "1000", "100000"})
  public int members;

  private NativeCallExecutor executor;
  private Overlay state;
  private Address[] accounts;
  private Bytes vote;
  private Bytes[] powerQueries;
  private int next;

  /** Reads through to the seeded state; writes stay in a map that {@link #reset} drops. */
  private static final class Overlay implements SlotStore {
    private record Key(Address contract, Bytes32 slot) {}

    private final SlotStore base;
    private final Map<Key, Bytes32> writes = new HashMap<>();

    Overlay(SlotStore base) {
      this.base = base;
    }

    @Override
    public Bytes32 load(Address contract, Bytes32 slot) {
      Bytes32 written = writes.get(new Key(contract, slot));
      return written != null ? written : base.load(contract, slot);
    }

    @Override
    public void store(Address contract, Bytes32 slot, Bytes32 value) {
      writes.put(new Key(contract, slot), value);
    }

    void reset() {
      writes.clear();
    }
  }

  @Setup(Level.Trial)
  public void seedConsortium() {
    Random random = new Random(42);
    accounts = new Address[members];
    List<PermissionsSpec.Account> permitted = new ArrayList<>();
    Map<Address, UInt256> allocation = new LinkedHashMap<>();
    for (int i = 0; i < members; i++) {
      accounts[i] = Address.of(0x10_0000L + i);
      Bytes32 member =
          Bytes32.rightPad(Bytes.wrap(("member-" + i).getBytes(StandardCharsets.US_ASCII)));
      permitted.add(new PermissionsSpec.Account(accounts[i], member));
      BigInteger tokens = BigInteger.valueOf(1 + random.nextInt(10_000));
      allocation.put(accounts[i], UInt256.valueOf(tokens.multiply(BigInteger.TEN.pow(18))));
    }
    Address node = Address.of(0x501);
    InMemorySlotStore genesis = new InMemorySlotStore();
    PermissionsGenesis.seed(
        genesis, new PermissionsSpec(permitted, List.of(), List.of(node), List.of(node)));
    TokenGenesis.seed(genesis, allocation);
    GovernanceGenesis.seed(genesis, new EnumMap<>(Parameter.class));
    executor =
        new NativeCallExecutor(
            NativeContracts.of(
                List.of(new Permissions(), new ContributionToken(), new QuadraticGovernor())),
            GasSchedule.DEFAULT);

    Bytes payload =
        Bytes.fromHexString(
            FunctionEncoder.encodeConstructor(
                List.of(
                    new org.web3j.abi.datatypes.generated.Bytes32(
                        Parameter.CAP_BPS.key().toArray()),
                    new Uint256(500))));
    CallOutcome proposed =
        call(
            genesis,
            accounts[0],
            PROPOSED_IN,
            encode(
                "propose",
                new Uint8(0),
                new DynamicBytes(payload.toArray()),
                new Utf8String("halve the cap")));
    require(proposed, "propose");
    state = new Overlay(genesis);

    vote = encode("castVote", new Uint256(1), new Uint8(1));
    powerQueries = new Bytes[members];
    for (int i = 0; i < members; i++) {
      powerQueries[i] =
          encode(
              "votingPower",
              new org.web3j.abi.datatypes.Address(accounts[i].toHexString()),
              new Uint256(PROPOSED_IN - 1));
    }
    CallOutcome voted = call(state, accounts[members - 1], VOTED_IN, vote);
    CallOutcome power = call(state, accounts[members - 1], VOTED_IN, powerQueries[members - 1]);
    require(voted, "castVote");
    require(power, "votingPower");
    state.reset();
    System.out.printf(
        "%n%d members: castVote uses %d gas, votingPower %d gas%n",
        members, voted.gasUsed(), power.gasUsed());
  }

  /** One member's vote, a different member each time, on a state without earlier votes. */
  @Benchmark
  public CallOutcome castVote() {
    state.reset();
    int voter = next;
    next = (next + 1) % members;
    return call(state, accounts[voter], VOTED_IN, vote);
  }

  /** One account's capped power at the snapshot, a different account each time. */
  @Benchmark
  public CallOutcome votingPower() {
    int account = next;
    next = (next + 1) % members;
    return call(state, accounts[account], VOTED_IN, powerQueries[account]);
  }

  private CallOutcome call(SlotStore store, Address caller, long block, Bytes input) {
    return executor.execute(
        QuadraticGovernor.ADDRESS,
        new CallContext(caller, UInt256.ZERO, block, 1_700_000_000L + block, 1337, GAS),
        input,
        store);
  }

  @SuppressWarnings("rawtypes")
  private static Bytes encode(String function, Type... args) {
    return Bytes.fromHexString(
        FunctionEncoder.encode(new Function(function, List.of(args), List.of())));
  }

  private static void require(CallOutcome outcome, String what) {
    if (!outcome.success()) {
      throw new IllegalStateException(
          what + " failed in the benchmark setup: " + outcome.revertReason().orElse(""));
    }
  }
}
