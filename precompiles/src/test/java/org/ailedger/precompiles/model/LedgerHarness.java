package org.ailedger.precompiles.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.precompiles.governance.GovernanceGenesis;
import org.ailedger.precompiles.governance.GovernanceParametersContract;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.permissions.Permissions;
import org.ailedger.precompiles.permissions.PermissionsGenesis;
import org.ailedger.precompiles.permissions.PermissionsSpec;
import org.ailedger.precompiles.provenance.DataProvenance;
import org.ailedger.precompiles.token.ContributionToken;
import org.ailedger.precompiles.token.TokenGenesis;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * A chain's native contracts over an in-memory store with a realistic genesis (Permissions, the
 * token allocation, governance parameters), called the way a client calls them: web3j-encoded input
 * through the executor at a block number the test advances, outputs decoded with web3j.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class LedgerHarness {
  static final long GAS = 30_000_000;

  final InMemorySlotStore store = new InMemorySlotStore();
  private final NativeCallExecutor executor =
      new NativeCallExecutor(
          NativeContracts.of(
              List.of(
                  new Permissions(),
                  new ModelRegistry(),
                  new DataProvenance(),
                  new ContributionToken(),
                  new GovernanceParametersContract())),
          GasSchedule.DEFAULT,
          bug -> {
            throw new AssertionError("contract bug", bug);
          });
  private long block = 1;

  LedgerHarness(PermissionsSpec permissions, UInt256 maxRewardPerRound) {
    PermissionsGenesis.seed(store, permissions);
    TokenGenesis.seed(store, Map.of(LedgerFixtures.OWNER, LedgerFixtures.OWNER_ALLOCATION));
    GovernanceGenesis.seed(store, Map.of(Parameter.MAX_REWARD_PER_ROUND, maxRewardPerRound));
  }

  LedgerHarness(UInt256 maxRewardPerRound) {
    this(LedgerFixtures.permissions(), maxRewardPerRound);
  }

  LedgerHarness() {
    this(LedgerFixtures.MAX_REWARD);
  }

  long block() {
    return block;
  }

  void mine(long blocks) {
    block += blocks;
  }

  CallOutcome call(Address to, Address caller, String function, Type... args) {
    Bytes input =
        Bytes.fromHexString(
            FunctionEncoder.encode(new Function(function, List.of(args), List.of())));
    return executor.execute(
        to,
        new CallContext(caller, UInt256.ZERO, block, 1_700_000_000L + block, 1337, GAS),
        input,
        store);
  }

  CallOutcome registry(Address caller, String function, Type... args) {
    return call(NativeAddresses.MODEL_REGISTRY, caller, function, args);
  }

  /** Calls and requires success. */
  CallOutcome ok(Address to, Address caller, String function, Type... args) {
    CallOutcome outcome = call(to, caller, function, args);
    if (!outcome.success()) {
      throw new AssertionError(
          function + " by " + caller + " reverted: " + outcome.revertReason().orElse(""));
    }
    return outcome;
  }

  List<Type> view(Address to, String function, List<TypeReference<?>> outputs, Type... args) {
    CallOutcome outcome = ok(to, Address.of(0xeeee), function, args);
    List<TypeReference<Type>> references = new ArrayList<>();
    outputs.forEach(output -> references.add((TypeReference<Type>) output));
    return FunctionReturnDecoder.decode(outcome.output().toHexString(), references);
  }

  // ---- the registry's views, decoded into its records

  RegisteredModel model(Bytes32 modelId) {
    List<Type> values =
        view(
            NativeAddresses.MODEL_REGISTRY,
            "getModel",
            List.of(
                new TypeReference<org.web3j.abi.datatypes.Address>() {},
                new TypeReference<org.web3j.abi.datatypes.Address>() {},
                new TypeReference<Utf8String>() {},
                new TypeReference<Uint64>() {},
                new TypeReference<Uint64>() {}),
            abi(modelId));
    return new RegisteredModel(
        address(values.get(0)),
        address(values.get(1)),
        (String) values.get(2).getValue(),
        longOf(values.get(3)),
        longOf(values.get(4)));
  }

  TrainingRound round(Bytes32 modelId, long round) {
    List<Type> values =
        view(
            NativeAddresses.MODEL_REGISTRY,
            "getRound",
            List.of(
                new TypeReference<Uint8>() {},
                new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint64>() {},
                new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {},
                new TypeReference<Uint64>() {},
                new TypeReference<Uint64>() {},
                new TypeReference<Uint256>() {}),
            abi(modelId),
            uint64(round));
    return new TrainingRound(
        RoundStatus.values()[(int) longOf(values.get(0))],
        bytes32(values.get(1)),
        uint(values.get(2)),
        longOf(values.get(3)),
        bytes32(values.get(4)),
        longOf(values.get(5)),
        longOf(values.get(6)),
        uint(values.get(7)));
  }

  ModelUpdate update(Bytes32 modelId, long round, Address contributor) {
    List<Type> values =
        view(
            NativeAddresses.MODEL_REGISTRY,
            "getUpdate",
            List.of(
                new TypeReference<Uint8>() {},
                new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {},
                new TypeReference<DynamicArray<org.web3j.abi.datatypes.generated.Bytes32>>() {},
                new TypeReference<Uint64>() {},
                new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {},
                new TypeReference<Uint64>() {},
                new TypeReference<Uint256>() {}),
            abi(modelId),
            uint64(round),
            abi(contributor));
    List<Bytes32> datasets =
        ((DynamicArray<org.web3j.abi.datatypes.generated.Bytes32>) values.get(2))
            .getValue().stream().map(LedgerHarness::bytes32).toList();
    return new ModelUpdate(
        UpdateStatus.values()[(int) longOf(values.get(0))],
        bytes32(values.get(1)),
        datasets,
        longOf(values.get(3)),
        bytes32(values.get(4)),
        longOf(values.get(5)),
        uint(values.get(6)));
  }

  List<Address> submitters(Bytes32 modelId, long round) {
    var array =
        (DynamicArray<org.web3j.abi.datatypes.Address>)
            view(
                    NativeAddresses.MODEL_REGISTRY,
                    "getSubmitters",
                    List.of(new TypeReference<DynamicArray<org.web3j.abi.datatypes.Address>>() {}),
                    abi(modelId),
                    uint64(round))
                .get(0);
    return array.getValue().stream().map(LedgerHarness::address).toList();
  }

  BigInteger reputation(Address contributor) {
    return ((Int256)
            view(
                    NativeAddresses.MODEL_REGISTRY,
                    "reputation",
                    List.of(new TypeReference<Int256>() {}),
                    abi(contributor))
                .get(0))
        .getValue();
  }

  boolean isUpdateTainted(Bytes32 modelId, long round, Address contributor) {
    return ((Bool)
            view(
                    NativeAddresses.MODEL_REGISTRY,
                    "isUpdateTainted",
                    List.of(new TypeReference<Bool>() {}),
                    abi(modelId),
                    uint64(round),
                    abi(contributor))
                .get(0))
        .getValue();
  }

  // ---- the token's views

  UInt256 balanceOf(Address account) {
    return uint(
        view(
                NativeAddresses.CONTRIBUTION_TOKEN,
                "balanceOf",
                List.of(new TypeReference<Uint256>() {}),
                abi(account))
            .get(0));
  }

  UInt256 totalSupply() {
    return uint(
        view(
                NativeAddresses.CONTRIBUTION_TOKEN,
                "totalSupply",
                List.of(new TypeReference<Uint256>() {}))
            .get(0));
  }

  // ---- client-side actions

  /** The registry's usual opening moves: register {@code modelId} and open its round 1. */
  void registerAndOpen(Bytes32 modelId, UInt256 pool, long deadlineBlock) {
    ok(
        NativeAddresses.MODEL_REGISTRY,
        LedgerFixtures.OWNER,
        "registerModel",
        abi(modelId),
        new Utf8String("ipfs://model"),
        abi(LedgerFixtures.AGGREGATOR));
    ok(
        NativeAddresses.MODEL_REGISTRY,
        LedgerFixtures.AGGREGATOR,
        "openRound",
        abi(modelId),
        uint64(1),
        abi(LedgerFixtures.word("base")),
        uint256(pool),
        uint64(deadlineBlock));
  }

  CallOutcome submit(Address contributor, Bytes32 modelId, long round, Bytes32... datasets) {
    return registry(
        contributor,
        "submitUpdate",
        abi(modelId),
        uint64(round),
        abi(LedgerFixtures.hash("update-" + contributor)),
        bytes32s(List.of(datasets)),
        uint64(1_000),
        abi(LedgerFixtures.hash("metrics-" + contributor)));
  }

  /** Submits and requires success. */
  void submitOk(Address contributor, Bytes32 modelId, long round, Bytes32... datasets) {
    CallOutcome outcome = submit(contributor, modelId, round, datasets);
    if (!outcome.success()) {
      throw new AssertionError("submitUpdate reverted: " + outcome.revertReason().orElse(""));
    }
  }

  CallOutcome finalizeRound(
      Address caller, Bytes32 modelId, long round, List<Address> accepted, List<UInt256> weights) {
    return registry(
        caller,
        "finalizeRound",
        abi(modelId),
        uint64(round),
        abi(LedgerFixtures.word("aggregate")),
        addresses(accepted),
        uint256s(weights));
  }

  /** Finalizes and requires success. */
  void finalizeOk(Bytes32 modelId, long round, List<Address> accepted, List<UInt256> weights) {
    CallOutcome outcome =
        finalizeRound(LedgerFixtures.AGGREGATOR, modelId, round, accepted, weights);
    if (!outcome.success()) {
      throw new AssertionError("finalizeRound reverted: " + outcome.revertReason().orElse(""));
    }
  }

  void attest(Address owner, Bytes32 datasetId, Bytes32... parents) {
    ok(
        NativeAddresses.DATA_PROVENANCE,
        owner,
        "attest",
        abi(datasetId),
        abi(LedgerFixtures.word("content-" + datasetId.slice(0, 8).toHexString())),
        new Utf8String("s3://datasets/" + datasetId.slice(0, 4).toHexString()),
        new Utf8String("CC-BY-4.0"),
        bytes32s(List.of(parents)));
  }

  void revoke(Address by, Bytes32 datasetId) {
    ok(
        NativeAddresses.DATA_PROVENANCE,
        by,
        "revoke",
        abi(datasetId),
        abi(LedgerFixtures.word("poisoned")));
  }

  // ---- ABI values

  static org.web3j.abi.datatypes.Address abi(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }

  static org.web3j.abi.datatypes.generated.Bytes32 abi(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArray());
  }

  static Uint64 uint64(long value) {
    return new Uint64(BigInteger.valueOf(value));
  }

  static Uint256 uint256(UInt256 value) {
    return new Uint256(value.toBigInteger());
  }

  static DynamicArray<org.web3j.abi.datatypes.generated.Bytes32> bytes32s(List<Bytes32> values) {
    return new DynamicArray<>(
        org.web3j.abi.datatypes.generated.Bytes32.class,
        values.stream().map(LedgerHarness::abi).toList());
  }

  static DynamicArray<org.web3j.abi.datatypes.Address> addresses(List<Address> values) {
    return new DynamicArray<>(
        org.web3j.abi.datatypes.Address.class, values.stream().map(LedgerHarness::abi).toList());
  }

  static DynamicArray<Uint256> uint256s(List<UInt256> values) {
    return new DynamicArray<>(Uint256.class, values.stream().map(LedgerHarness::uint256).toList());
  }

  static Address address(Type value) {
    return Address.fromHex(((org.web3j.abi.datatypes.Address) value).getValue());
  }

  static Bytes32 bytes32(Type value) {
    return Bytes32.wrap(((org.web3j.abi.datatypes.generated.Bytes32) value).getValue());
  }

  static UInt256 uint(Type value) {
    return UInt256.valueOf((BigInteger) value.getValue());
  }

  static long longOf(Type value) {
    return ((BigInteger) value.getValue()).longValueExact();
  }
}
