package org.ailedger.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;

/**
 * Sender {@code s}'s transaction {@code k} submits an update to round 1 of model {@code k}, citing
 * the run's dataset. Update and metrics hashes differ per sender and transaction, as real ones do.
 *
 * @param tag what makes this run's hashes its own
 * @param models the models whose round 1 is open, one per transaction of a sender
 * @param dataset an attested, untainted dataset every update cites
 * @param gasLimit the gas limit of each submission
 * @param registry the ModelRegistry's address
 */
record SubmitUpdateCalls(
    String tag, List<Bytes32> models, Bytes32 dataset, long gasLimit, Address registry)
    implements Calls {
  static final long ROUND = 1;

  SubmitUpdateCalls {
    models = List.copyOf(models);
  }

  @Override
  public Address to(int sender, int index) {
    return registry;
  }

  @Override
  public Bytes data(int sender, int index) {
    if (index >= models.size()) {
      throw new IndexOutOfBoundsException(
          "transaction "
              + index
              + " of a sender needs model "
              + index
              + "; "
              + models.size()
              + " were prepared");
    }
    Function submit =
        new Function(
            "submitUpdate",
            List.of(
                abi(models.get(index)),
                new Uint64(ROUND),
                abi(hash("update", sender, index)),
                new DynamicArray<>(org.web3j.abi.datatypes.generated.Bytes32.class, abi(dataset)),
                new Uint64(1_000L + index),
                abi(hash("metrics", sender, index))),
            List.of());
    return Bytes.fromHexString(FunctionEncoder.encode(submit));
  }

  private Bytes32 hash(String what, int sender, int index) {
    String text = tag + "/" + what + "/" + sender + "/" + index;
    return Bytes32.wrap(Hash.sha3(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static org.web3j.abi.datatypes.generated.Bytes32 abi(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArrayUnsafe());
  }
}
