package org.ailedger.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;

/**
 * The call inputs that prepare a chain for {@code submitUpdate} load: one attested dataset, {@code
 * models} registered models and round 1 of each opened; then the submissions themselves. The load
 * generator sends them over JSON-RPC, the block benchmark executes them in-process; both get the
 * same calls.
 *
 * @param tag what makes the ids of one preparation its own
 * @param models how many models (one per transaction of a sender)
 */
public record RoundInputs(String tag, int models) {
  /** The dataset every submission cites. */
  public Bytes32 dataset() {
    return id(tag + "/dataset");
  }

  public List<Bytes32> modelIds() {
    return IntStream.range(0, models).mapToObj(k -> id(tag + "/model/" + k)).toList();
  }

  /** Attests {@link #dataset()}; sent by a CONTRIBUTOR. */
  public Bytes attest() {
    return encode(
        "attest",
        bytes32(dataset()),
        bytes32(id(tag + "/dataset-content")),
        new Utf8String("ipfs://" + tag + "/dataset"),
        new Utf8String("CC-BY-4.0"),
        new DynamicArray<>(org.web3j.abi.datatypes.generated.Bytes32.class, List.of()));
  }

  /** One registration per model, each with {@code aggregator}; sent by a MODEL_OWNER. */
  public List<Bytes> registerModels(Address aggregator) {
    List<Bytes32> ids = modelIds();
    return IntStream.range(0, models)
        .mapToObj(
            k ->
                encode(
                    "registerModel",
                    bytes32(ids.get(k)),
                    new Utf8String("ipfs://" + tag + "/model/" + k),
                    new org.web3j.abi.datatypes.Address(aggregator.toHexString())))
        .toList();
  }

  /**
   * Opens round 1 of every model, without reward, until {@code deadlineBlock}; the aggregator's.
   */
  public List<Bytes> openRounds(long deadlineBlock) {
    return modelIds().stream()
        .map(
            model ->
                encode(
                    "openRound",
                    bytes32(model),
                    new Uint64(SubmitUpdateCalls.ROUND),
                    bytes32(id(tag + "/base")),
                    new Uint256(0),
                    new Uint64(deadlineBlock)))
        .toList();
  }

  /** Sender s's k-th submission goes to model k, each with {@code gasLimit}. */
  public Calls submissions(long gasLimit) {
    return submissions(gasLimit, LedgerContracts.NATIVE.modelRegistry());
  }

  /** The same submissions, to the ModelRegistry at {@code registry}. */
  public Calls submissions(long gasLimit, Address registry) {
    return new SubmitUpdateCalls(tag, modelIds(), dataset(), gasLimit, registry);
  }

  @SuppressWarnings("rawtypes")
  private static Bytes encode(String function, Type... args) {
    return Bytes.fromHexString(
        FunctionEncoder.encode(new Function(function, List.of(args), List.of())));
  }

  private static Bytes32 id(String text) {
    return Bytes32.wrap(Hash.sha3(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static org.web3j.abi.datatypes.generated.Bytes32 bytes32(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArrayUnsafe());
  }
}
