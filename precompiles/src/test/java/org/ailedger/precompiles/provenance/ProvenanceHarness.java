package org.ailedger.precompiles.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.abi.AbiValues;
import org.ailedger.precompiles.abi.RevertData;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.precompiles.permissions.Permissions;
import org.ailedger.precompiles.permissions.PermissionsGenesis;
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
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * Calls DataProvenance the way a client does: web3j-encoded input through the executor, results
 * decoded with web3j, over an in-memory store seeded with {@link ProvenanceFixtures#GENESIS}. The
 * block number and timestamp of the next call can be moved.
 */
@SuppressWarnings("rawtypes")
final class ProvenanceHarness {
  static final long GAS = 30_000_000;

  final InMemorySlotStore store = new InMemorySlotStore();
  private final NativeCallExecutor executor;
  long blockNumber = 10;
  long timestamp = 1_700_000_000L;
  long gasLimit = GAS;

  ProvenanceHarness(List<NativeContract> extraContracts) {
    List<NativeContract> contracts = new ArrayList<>();
    contracts.add(new Permissions());
    contracts.add(new DataProvenance());
    contracts.addAll(extraContracts);
    this.executor =
        new NativeCallExecutor(
            NativeContracts.of(contracts),
            GasSchedule.DEFAULT,
            bug -> {
              throw new AssertionError("contract bug", bug);
            });
    PermissionsGenesis.seed(store, ProvenanceFixtures.GENESIS);
  }

  ProvenanceHarness() {
    this(List.of());
  }

  CallOutcome call(Address to, Address caller, Bytes input) {
    return executor.execute(
        to,
        new CallContext(
            caller, UInt256.ZERO, blockNumber, timestamp, TypedDataSigner.CHAIN_ID, gasLimit),
        input,
        store);
  }

  CallOutcome call(Address caller, String function, Type... args) {
    return call(DataProvenance.ADDRESS, caller, encode(function, args));
  }

  static Bytes encode(String function, Type... args) {
    return Bytes.fromHexString(
        FunctionEncoder.encode(new Function(function, List.of(args), List.of())));
  }

  // ---- writes

  CallOutcome attest(Address caller, DatasetClaim claim) {
    return call(caller, "attest", claimArgs(claim));
  }

  /** Attests and fails the test if the contract refuses. */
  void attested(Address caller, DatasetClaim claim) {
    succeeded(attest(caller, claim));
  }

  CallOutcome attestFor(Address relayer, Attestation attestation, Bytes signature) {
    Type[] claim = claimArgs(attestation.claim());
    Type[] args = new Type[8];
    args[0] = abi(attestation.owner());
    System.arraycopy(claim, 0, args, 1, 5);
    args[6] = new Uint256(attestation.deadline().toBigInteger());
    args[7] = AbiValues.bytes(signature);
    return call(relayer, "attestFor", args);
  }

  CallOutcome endorse(Address caller, Bytes32 datasetId) {
    return call(caller, "endorse", abi(datasetId));
  }

  CallOutcome revoke(Address caller, Bytes32 datasetId, Bytes32 reasonHash) {
    return call(caller, "revoke", abi(datasetId), abi(reasonHash));
  }

  static CallOutcome succeeded(CallOutcome outcome) {
    assertThat(outcome.success())
        .as("call should succeed but reverted: %s", outcome.revertReason().orElse(""))
        .isTrue();
    return outcome;
  }

  // ---- views

  /** Runs a view and decodes its results; fails the test if it reverts. */
  List<Type> view(String function, List<TypeReference<?>> results, Type... args) {
    CallOutcome outcome = call(Address.of(0xeeee), function, args);
    if (!outcome.success()) {
      throw new AssertionError(function + " reverted: " + outcome.revertReason().orElse(""));
    }
    return decode(outcome.output(), results);
  }

  /** Decodes ABI data (a result or a log's data) with web3j. */
  static List<Type> decode(Bytes data, List<TypeReference<?>> types) {
    @SuppressWarnings("unchecked")
    List<TypeReference<Type>> outputs = (List<TypeReference<Type>>) (List<?>) types;
    return FunctionReturnDecoder.decode(data.toHexString(), outputs);
  }

  boolean isTainted(Bytes32 datasetId) {
    return viewBool("isTainted", abi(datasetId));
  }

  Bytes32 taintSource(Bytes32 datasetId) {
    return viewBytes32("taintSource", abi(datasetId));
  }

  boolean exists(Bytes32 datasetId) {
    return viewBool("exists", abi(datasetId));
  }

  BigInteger nonce(Address owner) {
    return viewUint("nonces", abi(owner));
  }

  BigInteger viewUint(String function, Type... args) {
    return ((Uint256) view(function, List.of(new TypeReference<Uint256>() {}), args).get(0))
        .getValue();
  }

  Dataset dataset(Bytes32 datasetId) {
    List<Type> values =
        view(
            "getDataset",
            List.of(
                new TypeReference<org.web3j.abi.datatypes.Address>() {},
                new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {},
                new TypeReference<Utf8String>() {},
                new TypeReference<Utf8String>() {},
                new TypeReference<Uint64>() {},
                new TypeReference<Bool>() {},
                new TypeReference<Uint256>() {}),
            abi(datasetId));
    return new Dataset(
        Address.fromHex(((org.web3j.abi.datatypes.Address) values.get(0)).getValue()),
        Bytes32.wrap(((org.web3j.abi.datatypes.generated.Bytes32) values.get(1)).getValue()),
        ((Utf8String) values.get(2)).getValue(),
        ((Utf8String) values.get(3)).getValue(),
        ((Uint64) values.get(4)).getValue().longValueExact(),
        ((Bool) values.get(5)).getValue(),
        ((Uint256) values.get(6)).getValue().longValueExact());
  }

  List<Bytes32> parentsOf(Bytes32 datasetId) {
    return viewBytes32s("parentsOf", abi(datasetId));
  }

  List<Bytes32> childrenOf(Bytes32 datasetId) {
    return viewBytes32s("childrenOf", abi(datasetId));
  }

  boolean viewBool(String function, Type... args) {
    return ((Bool) view(function, List.of(new TypeReference<Bool>() {}), args).get(0)).getValue();
  }

  Bytes32 viewBytes32(String function, Type... args) {
    return Bytes32.wrap(
        ((org.web3j.abi.datatypes.generated.Bytes32)
                view(
                        function,
                        List.of(new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {}),
                        args)
                    .get(0))
            .getValue());
  }

  @SuppressWarnings("unchecked")
  List<Bytes32> viewBytes32s(String function, Type... args) {
    var array =
        (DynamicArray<org.web3j.abi.datatypes.generated.Bytes32>)
            view(
                    function,
                    List.of(
                        new TypeReference<
                            DynamicArray<org.web3j.abi.datatypes.generated.Bytes32>>() {}),
                    args)
                .get(0);
    return array.getValue().stream().map(b -> Bytes32.wrap(b.getValue())).toList();
  }

  // ---- assertions and ABI values

  /** The call reverted with exactly {@code reason}, kept no log, and changed no slot. */
  void assertRefused(InMemorySlotStore before, CallOutcome outcome, String reason) {
    assertThat(outcome.success()).as("call should revert").isFalse();
    assertThat(outcome.revertReason()).contains(reason);
    assertThat(RevertData.decode(outcome.output())).contains(reason);
    assertThat(outcome.logs()).isEmpty();
    assertThat(store).as("storage after a refused call").isEqualTo(before);
  }

  static Type[] claimArgs(DatasetClaim claim) {
    return new Type[] {
      abi(claim.datasetId()),
      abi(claim.contentHash()),
      new Utf8String(claim.uri()),
      new Utf8String(claim.license()),
      AbiValues.bytes32s(claim.parents())
    };
  }

  static org.web3j.abi.datatypes.Address abi(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }

  static org.web3j.abi.datatypes.generated.Bytes32 abi(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArray());
  }
}
