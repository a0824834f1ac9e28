package org.ailedger.bench.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1s;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the devnet for {@link Workload#SUBMIT_UPDATE} with the accounts that hold the roles: the
 * contributor of dev account 2 attests one dataset, the model owner (account 0) registers one model
 * per transaction each sender will send, with account 1 as aggregator, and account 1 opens round 1
 * of every model. It sends in chunks the pool takes from one sender and checks every receipt, so a
 * step that fails stops the run with its reason instead of turning the load into reverts.
 */
final class RoundSetup {
  private static final Logger LOG = LoggerFactory.getLogger(RoundSetup.class);

  /** Below the pool's per-sender limit, so a chunk is never refused for a full queue. */
  private static final int CHUNK = 200;

  private static final long SETUP_GAS = 500_000;

  /** A fifth above the estimate covers submissions that write more than the first one. */
  private static final long GAS_MARGIN_DIVISOR = 5;

  /** Rounds stay open far beyond any run. */
  private static final long DEADLINE_BLOCKS = 1_000_000;

  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 50;

  private final JsonRpcClient client;
  private final long chainId;
  private final UInt256 maxFeePerGas;
  private final TransactionSigner signer = new TransactionSigner(Secp256k1s.best());

  RoundSetup(JsonRpcClient client, long chainId, UInt256 maxFeePerGas) {
    this.client = client;
    this.chainId = chainId;
    this.maxFeePerGas = maxFeePerGas;
  }

  /**
   * Opens round 1 of {@code models} new models and returns the calls that submit to them, with a
   * gas limit from the node's estimate for {@code firstSender}'s first submission. A block holds as
   * many transactions as their gas limits fit, so a generous fixed limit would cap blocks below
   * what the node can execute.
   */
  Calls prepare(int models, Address firstSender) throws InterruptedException {
    KeyPair owner = DevAccounts.account(0);
    KeyPair aggregator = DevAccounts.account(1);
    KeyPair dataOwner = DevAccounts.account(2);
    long started = System.nanoTime();
    // the owner's nonce grows with every setup, so each run works on models of its own
    RoundInputs inputs =
        new RoundInputs("load/" + owner.address().toHexString() + "/" + nextNonce(owner), models);
    send(dataOwner, List.of(inputs.attest()), NativeAddresses.DATA_PROVENANCE, "attest");
    send(
        owner,
        inputs.registerModels(aggregator.address()),
        NativeAddresses.MODEL_REGISTRY,
        "registerModel");
    send(
        aggregator,
        inputs.openRounds(blockNumber() + DEADLINE_BLOCKS),
        NativeAddresses.MODEL_REGISTRY,
        "openRound");
    Calls probe = inputs.submissions(SETUP_GAS);
    ObjectNode call = JsonNodeFactory.instance.objectNode();
    call.put("from", firstSender.toHexString());
    call.put("to", probe.to(0, 0).toHexString());
    call.put("data", probe.data(0, 0).toHexString());
    long estimate = client.quantity("eth_estimateGas", call);
    long gasLimit = estimate + estimate / GAS_MARGIN_DIVISOR;
    LOG.info(
        "Opened round 1 of {} models in {} ms; submitUpdate gas estimate {}, limit {}",
        models,
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        estimate,
        gasLimit);
    return inputs.submissions(gasLimit);
  }

  /** Sends {@code inputs} to {@code to} from {@code key} in chunks; each chunk must commit. */
  private void send(KeyPair key, List<Bytes> inputs, Address to, String what)
      throws InterruptedException {
    long nonce = nextNonce(key);
    for (int from = 0; from < inputs.size(); from += CHUNK) {
      List<Bytes> chunk = inputs.subList(from, Math.min(inputs.size(), from + CHUNK));
      List<JsonRpcClient.Call> calls = new ArrayList<>(chunk.size());
      List<String> hashes = new ArrayList<>(chunk.size());
      for (Bytes input : chunk) {
        Transaction tx =
            signer.sign(
                UnsignedTransaction.eip1559(
                    nonce++,
                    UInt256.ZERO,
                    maxFeePerGas,
                    SETUP_GAS,
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
      awaitSuccess(hashes, what);
    }
  }

  /** Waits for the chunk's last transaction, then checks that every one of them succeeded. */
  private void awaitSuccess(List<String> hashes, String what) throws InterruptedException {
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
    List<RpcOutcome> receipts =
        client.batch(
            hashes.stream()
                .map(h -> new JsonRpcClient.Call("eth_getTransactionReceipt", List.of(h)))
                .toList());
    for (int i = 0; i < receipts.size(); i++) {
      if (!(receipts.get(i) instanceof RpcOutcome.Success receipt
          && "0x1".equals(receipt.result().path("status").asText()))) {
        throw new LoadRunException(
            "setup: "
                + what
                + " "
                + hashes.get(i)
                + " did not succeed ("
                + describe(receipts.get(i))
                + "); replay it with eth_call for the reason");
      }
    }
  }

  private boolean isCommitted(String hash) {
    return client.call("eth_getTransactionReceipt", hash) instanceof RpcOutcome.Success receipt
        && receipt.result().isObject();
  }

  private long nextNonce(KeyPair key) {
    return client.quantity("eth_getTransactionCount", key.address().toHexString(), "pending");
  }

  private long blockNumber() {
    return client.quantity("eth_blockNumber");
  }

  private static String describe(RpcOutcome outcome) {
    return switch (outcome) {
      case RpcOutcome.Success s -> "status " + s.result().path("status").asText("unknown");
      case RpcOutcome.Failure f -> f.message() + " (" + f.code() + ")";
      case RpcOutcome.Unreachable u -> u.why();
    };
  }
}
