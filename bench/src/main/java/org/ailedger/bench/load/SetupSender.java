package org.ailedger.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1s;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.TransactionType;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Sends the transactions that prepare a chain before a run, in chunks the pool takes from one
 * sender, and checks every receipt: a step that fails stops the run with its reason instead of
 * turning the load into reverts.
 */
final class SetupSender {
  /** Below the pool's per-sender limit, so a chunk is never refused for a full queue. */
  private static final int CHUNK = 200;

  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 50;

  private final JsonRpcClient client;
  private final long chainId;
  private final UInt256 maxFeePerGas;
  private final TransactionSigner signer = new TransactionSigner(Secp256k1s.best());

  SetupSender(JsonRpcClient client, long chainId, UInt256 maxFeePerGas) {
    this.client = client;
    this.chainId = chainId;
    this.maxFeePerGas = maxFeePerGas;
  }

  /**
   * Sends {@code inputs} from {@code key} to {@code to} (empty: contract creations), each with
   * {@code gasLimit}, and returns their receipts once every one has succeeded.
   */
  List<JsonNode> send(
      KeyPair key, List<Bytes> inputs, Optional<Address> to, long gasLimit, String what)
      throws InterruptedException {
    long nonce = client.quantity("eth_getTransactionCount", key.address().toHexString(), "pending");
    List<JsonNode> receipts = new ArrayList<>(inputs.size());
    for (int from = 0; from < inputs.size(); from += CHUNK) {
      List<Bytes> chunk = inputs.subList(from, Math.min(inputs.size(), from + CHUNK));
      List<JsonRpcClient.Call> calls = new ArrayList<>(chunk.size());
      List<String> hashes = new ArrayList<>(chunk.size());
      for (Bytes input : chunk) {
        Transaction tx =
            signer.sign(
                new UnsignedTransaction(
                    TransactionType.EIP1559,
                    nonce++,
                    UInt256.ZERO,
                    maxFeePerGas,
                    gasLimit,
                    to,
                    UInt256.ZERO,
                    input,
                    List.of()),
                chainId,
                key);
        calls.add(
            new JsonRpcClient.Call("eth_sendRawTransaction", List.of(tx.encoded().toHexString())));
        hashes.add(tx.hash().toHexString());
      }
      List<RpcOutcome> outcomes = client.batch(calls);
      for (int i = 0; i < outcomes.size(); i++) {
        if (!(outcomes.get(i) instanceof RpcOutcome.Success)) {
          throw new LoadRunException(
              "setup: "
                  + what
                  + " "
                  + (from + i)
                  + " was not accepted: "
                  + describe(outcomes.get(i)));
        }
      }
      receipts.addAll(awaitSuccess(hashes, what));
    }
    return receipts;
  }

  /** Waits for the chunk's last transaction, then checks that every one of them succeeded. */
  private List<JsonNode> awaitSuccess(List<String> hashes, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + COMMIT_TIMEOUT.toNanos();
    String last = hashes.get(hashes.size() - 1);
    while (!isCommitted(last)) {
      if (System.nanoTime() > deadline) {
        throw new LoadRunException(
            "setup: "
                + what
                + " "
                + last
                + " did not commit within "
                + COMMIT_TIMEOUT.toSeconds()
                + " s");
      }
      Thread.sleep(POLL_MILLIS);
    }
    List<RpcOutcome> outcomes =
        client.batch(
            hashes.stream()
                .map(h -> new JsonRpcClient.Call("eth_getTransactionReceipt", List.of(h)))
                .toList());
    List<JsonNode> receipts = new ArrayList<>(outcomes.size());
    for (int i = 0; i < outcomes.size(); i++) {
      if (!(outcomes.get(i) instanceof RpcOutcome.Success receipt
          && "0x1".equals(receipt.result().path("status").asText()))) {
        throw new LoadRunException(
            "setup: "
                + what
                + " "
                + hashes.get(i)
                + " did not succeed ("
                + describe(outcomes.get(i))
                + "); replay it with eth_call for the reason");
      }
      receipts.add(receipt.result());
    }
    return receipts;
  }

  private boolean isCommitted(String hash) {
    return client.call("eth_getTransactionReceipt", hash) instanceof RpcOutcome.Success receipt
        && receipt.result().isObject();
  }

  private static String describe(RpcOutcome outcome) {
    return switch (outcome) {
      case RpcOutcome.Success s -> "status " + s.result().path("status").asText("unknown");
      case RpcOutcome.Failure f -> f.message() + " (" + f.code() + ")";
      case RpcOutcome.Unreachable u -> u.why();
    };
  }
}
