package org.ailedger.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.precompiles.governance.GovernanceGenesis;
import org.ailedger.precompiles.permissions.PermissionsGenesis;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.precompiles.permissions.Role;
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
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;

/**
 * Execution time of the two ModelRegistry calls every training round is made of, through the
 * executor over an in-memory slot store with the standard native contracts: {@code submitUpdate}
 * citing two attested datasets (one derived from the other, so the lineage walk has a hop), and
 * {@code finalizeRound} accepting 3 or 30 submitters, each minted a reward. Each invocation runs on
 * a fresh copy of the prepared state, made outside the measured time, so every call does the full
 * work of a first submission or finalization. The gas of each call is printed once per trial;
 * {@link #main} prints it without running JMH.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LedgerCallBenchmark {
  private static final long GAS_LIMIT = 100_000_000;
  private static final long CHAIN_ID = 1337;
  private static final Bytes32 MEMBER = word("bench-member");
  private static final Address OWNER = Address.of(0xa1);
  private static final Address AGGREGATOR = Address.of(0xa2);
  private static final Address PROVIDER = Address.of(0xe1);
  private static final Address NODE = Address.of(0x501);
  private static final int CONTRIBUTORS = 31;
  private static final Bytes32 MODEL = word("bench-model");
  private static final Bytes32 RAW = word("raw-dataset");
  private static final Bytes32 DERIVED = word("derived-dataset");

  /** A registered model with round 1 open and two attested datasets; nobody has submitted yet. */
  @State(Scope.Thread)
  public static class SubmitState {
    Ledger ledger;
    Bytes submit;
    InMemorySlotStore store;

    @Setup(Level.Trial)
    public void prepare() {
      ledger = Ledger.withOpenRound();
      submit = submitInput(contributor(0));
      System.out.println("gas submitUpdate(2 datasets): " + ledger.gasOf(contributor(0), submit));
    }

    @Setup(Level.Invocation)
    public void freshState() {
      store = ledger.store.copy();
    }
  }

  /** Round 1 open with {@code accepted} submissions, all of which the aggregator accepts. */
  @State(Scope.Thread)
  public static class FinalizeState {
    @Param({"3", "30"})
    public int accepted;

    Ledger ledger;
    Bytes finalize;
    InMemorySlotStore store;

    @Setup(Level.Trial)
    public void prepare() {
      ledger = Ledger.withSubmissions(accepted);
      finalize = finalizeInput(accepted);
      System.out.println(
          "gas finalizeRound(" + accepted + " accepted): " + ledger.gasOf(AGGREGATOR, finalize));
    }

    @Setup(Level.Invocation)
    public void freshState() {
      store = ledger.store.copy();
    }
  }

  @Benchmark
  public CallOutcome submitUpdate(SubmitState state) {
    return state.ledger.execute(contributor(0), state.submit, state.store);
  }

  @Benchmark
  public CallOutcome finalizeRound(FinalizeState state) {
    return state.ledger.execute(AGGREGATOR, state.finalize, state.store);
  }

  /** Prints the gas of each measured call. */
  public static void main(String[] args) {
    Ledger open = Ledger.withOpenRound();
    System.out.println(
        "submitUpdate(2 datasets) gas: " + open.gasOf(contributor(0), submitInput(contributor(0))));
    for (int accepted : new int[] {3, 30}) {
      Ledger ledger = Ledger.withSubmissions(accepted);
      System.out.println(
          "finalizeRound("
              + accepted
              + " accepted) gas: "
              + ledger.gasOf(AGGREGATOR, finalizeInput(accepted)));
    }
  }

  /** The standard contracts over a genesis like the devnet's, advanced by real calls. */
  static final class Ledger {
    final InMemorySlotStore store = new InMemorySlotStore();
    private final NativeCallExecutor executor =
        new NativeCallExecutor(NativeContracts.standard(), GasSchedule.DEFAULT);

    private Ledger() {
      List<PermissionsSpec.Account> accounts = new ArrayList<>();
      List<PermissionsSpec.RoleGrant> roles = new ArrayList<>();
      for (Address account : List.of(OWNER, AGGREGATOR, PROVIDER)) {
        accounts.add(new PermissionsSpec.Account(account, MEMBER));
      }
      roles.add(new PermissionsSpec.RoleGrant(Role.MODEL_OWNER, OWNER));
      roles.add(new PermissionsSpec.RoleGrant(Role.AGGREGATOR, AGGREGATOR));
      for (int i = 0; i < CONTRIBUTORS; i++) {
        accounts.add(new PermissionsSpec.Account(contributor(i), MEMBER));
        roles.add(new PermissionsSpec.RoleGrant(Role.CONTRIBUTOR, contributor(i)));
      }
      PermissionsGenesis.seed(
          store, new PermissionsSpec(accounts, roles, List.of(NODE), List.of(NODE)));
      TokenGenesis.seed(store, Map.of(OWNER, tokens(1_000_000)));
      GovernanceGenesis.seed(store, Map.of());
    }

    static Ledger withOpenRound() {
      Ledger ledger = new Ledger();
      ledger.require(NativeAddresses.DATA_PROVENANCE, PROVIDER, attestInput(RAW, List.of()));
      ledger.require(NativeAddresses.DATA_PROVENANCE, PROVIDER, attestInput(DERIVED, List.of(RAW)));
      ledger.require(
          NativeAddresses.MODEL_REGISTRY,
          OWNER,
          encode(
              "registerModel",
              bytes32(MODEL),
              new Utf8String("ipfs://bench-model"),
              address(AGGREGATOR)));
      ledger.require(
          NativeAddresses.MODEL_REGISTRY,
          AGGREGATOR,
          encode(
              "openRound",
              bytes32(MODEL),
              new Uint64(1),
              bytes32(word("base")),
              new Uint256(tokens(1_000).toBigInteger()),
              new Uint64(1_000)));
      return ledger;
    }

    static Ledger withSubmissions(int submitters) {
      Ledger ledger = withOpenRound();
      for (int i = 0; i < submitters; i++) {
        ledger.require(NativeAddresses.MODEL_REGISTRY, contributor(i), submitInput(contributor(i)));
      }
      return ledger;
    }

    CallOutcome execute(Address caller, Bytes input, InMemorySlotStore on) {
      return executor.execute(NativeAddresses.MODEL_REGISTRY, context(caller), input, on);
    }

    /** Gas of the call on a copy of the state; the call must succeed. */
    long gasOf(Address caller, Bytes input) {
      CallOutcome outcome = execute(caller, input, store.copy());
      if (!outcome.success()) {
        throw new IllegalStateException(
            "benchmark call reverted: " + outcome.revertReason().orElse(""));
      }
      return outcome.gasUsed();
    }

    private void require(Address to, Address caller, Bytes input) {
      CallOutcome outcome = executor.execute(to, context(caller), input, store);
      if (!outcome.success()) {
        throw new IllegalStateException(
            "benchmark setup call reverted: " + outcome.revertReason().orElse(""));
      }
    }

    private static CallContext context(Address caller) {
      return new CallContext(caller, UInt256.ZERO, 10, 1_700_000_000L, CHAIN_ID, GAS_LIMIT);
    }
  }

  static Address contributor(int index) {
    return Address.of(0x10_000 + index);
  }

  static Bytes submitInput(Address contributor) {
    return encode(
        "submitUpdate",
        bytes32(MODEL),
        new Uint64(1),
        bytes32(Bytes32.wrap(Hash.sha3(contributor.bytes().toArrayUnsafe()))),
        bytes32s(List.of(RAW, DERIVED)),
        new Uint64(10_000),
        bytes32(word("metrics")));
  }

  static Bytes finalizeInput(int accepted) {
    List<org.web3j.abi.datatypes.Address> addresses =
        IntStream.range(0, accepted).mapToObj(i -> address(contributor(i))).toList();
    List<Uint256> weights =
        IntStream.range(0, accepted).mapToObj(i -> new Uint256(BigInteger.valueOf(i + 1))).toList();
    return encode(
        "finalizeRound",
        bytes32(MODEL),
        new Uint64(1),
        bytes32(word("aggregate")),
        new DynamicArray<>(org.web3j.abi.datatypes.Address.class, addresses),
        new DynamicArray<>(Uint256.class, weights));
  }

  private static Bytes attestInput(Bytes32 datasetId, List<Bytes32> parents) {
    return encode(
        "attest",
        bytes32(datasetId),
        bytes32(word("content")),
        new Utf8String("s3://bench/" + datasetId.slice(0, 4).toHexString()),
        new Utf8String("CC-BY-4.0"),
        bytes32s(parents));
  }

  @SuppressWarnings("rawtypes")
  private static Bytes encode(String function, Type... args) {
    return Bytes.fromHexString(
        FunctionEncoder.encode(new Function(function, List.of(args), List.of())));
  }

  private static org.web3j.abi.datatypes.generated.Bytes32 bytes32(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArray());
  }

  private static DynamicArray<org.web3j.abi.datatypes.generated.Bytes32> bytes32s(
      List<Bytes32> values) {
    return new DynamicArray<>(
        org.web3j.abi.datatypes.generated.Bytes32.class,
        values.stream().map(LedgerCallBenchmark::bytes32).toList());
  }

  private static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }

  private static Bytes32 word(String text) {
    return Bytes32.rightPad(Bytes.wrap(text.getBytes(StandardCharsets.US_ASCII)));
  }

  private static UInt256 tokens(long whole) {
    return UInt256.valueOf(BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(18)));
  }
}
