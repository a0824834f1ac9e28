package org.ailedger.tests.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.web3j.crypto.Credentials;

/**
 * A client that keeps a few zero-value transfers (or ACT token transfers, which emit a {@code
 * Transfer} event each) in flight from some dev accounts, all sent to one node, and records each
 * receipt the moment that node first returns it. Stopping it waits for its thread; failures are
 * kept for the test to assert on.
 */
public final class TransferLoad implements AutoCloseable {
  private static final int MAX_IN_FLIGHT_PER_ACCOUNT = 4;
  private static final long TRANSFER_GAS = 21_000;
  private static final long TOKEN_TRANSFER_GAS = 500_000;

  /** A receipt as the client saw it. */
  public record SeenReceipt(String txHash, long blockNumber, String blockHash, String status) {
    static SeenReceipt of(JsonNode receipt) {
      return new SeenReceipt(
          receipt.path("transactionHash").asText(),
          JsonRpc.quantity(receipt.get("blockNumber")).longValueExact(),
          receipt.path("blockHash").asText(),
          receipt.path("status").asText());
    }
  }

  private final NodeProcess node;
  private final List<Credentials> accounts;
  private final String to;
  private final String data;
  private final long gas;
  private final Map<Credentials, Long> nextNonces = new ConcurrentHashMap<>();
  private final Map<String, SeenReceipt> seen = new ConcurrentHashMap<>();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicInteger sent =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Thread thread;

  private TransferLoad(
      NodeProcess node, List<Integer> accountIndexes, String to, String data, long gas) {
    this.node = node;
    this.accounts = accountIndexes.stream().map(Devnet::account).toList();
    this.to = to;
    this.data = data;
    this.gas = gas;
    this.thread = new Thread(this::run, "transfers-to-" + node.name());
    thread.setDaemon(true);
  }

  /**
   * Starts sending from the dev accounts {@code accountIndexes} (fresh ones: nonce 0) to {@code
   * node}.
   */
  public static TransferLoad start(
      NodeProcess node, List<Integer> accountIndexes, int recipientIndex) {
    TransferLoad load =
        new TransferLoad(
            node, accountIndexes, Devnet.account(recipientIndex).getAddress(), "0x", TRANSFER_GAS);
    load.thread.start();
    return load;
  }

  /**
   * Starts sending ACT transfers of one base unit each from the dev accounts {@code accountIndexes}
   * (holders of ACT) to {@code recipientIndex}, each from the account's next nonce.
   */
  public static TransferLoad startTokenTransfers(
      NodeProcess node, List<Integer> accountIndexes, int recipientIndex) {
    String recipient = Devnet.account(recipientIndex).getAddress();
    String transfer =
        org.web3j.abi.FunctionEncoder.encode(
            new org.web3j.abi.datatypes.Function(
                "transfer",
                List.of(
                    new org.web3j.abi.datatypes.Address(recipient),
                    new org.web3j.abi.datatypes.generated.Uint256(BigInteger.ONE)),
                List.of()));
    TransferLoad load =
        new TransferLoad(
            node, accountIndexes, Ledger.CONTRIBUTION_TOKEN, transfer, TOKEN_TRANSFER_GAS);
    load.thread.start();
    return load;
  }

  /** The receipts seen so far, by transaction hash. */
  public Map<String, SeenReceipt> seen() {
    return Map.copyOf(seen);
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** How many transactions were sent so far. */
  public int sent() {
    return sent.get();
  }

  /**
   * After {@link #close()}: waits until the node has mined every transaction sent, seen or not, and
   * returns its head then.
   */
  public long awaitAllMined(Duration timeout) {
    Await.untilTrue(
        "every transaction sent to " + node.name() + " to be mined",
        timeout,
        () ->
            nextNonces.entrySet().stream()
                .allMatch(
                    next ->
                        JsonRpc.quantity(
                                    node.rpc()
                                        .result(
                                            "eth_getTransactionCount",
                                            next.getKey().getAddress(),
                                            "latest"))
                                .longValueExact()
                            >= next.getValue()));
    return node.rpc().blockNumber();
  }

  /** How many distinct blocks hold a receipt seen so far. */
  public long blocksWithReceipts() {
    return seen.values().stream().mapToLong(SeenReceipt::blockNumber).distinct().count();
  }

  @Override
  public void close() {
    stop.set(true);
    try {
      thread.join(JsonRpc.REQUEST_TIMEOUT.toMillis() * 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Map<Credentials, Long> nonces = new HashMap<>();
    Map<Credentials, List<String>> inFlight = new HashMap<>();
    try {
      for (Credentials account : accounts) {
        // fresh accounts start at 0; accounts a test used before go on from where they are
        nonces.put(
            account,
            JsonRpc.quantity(
                    node.rpc().result("eth_getTransactionCount", account.getAddress(), "pending"))
                .longValueExact());
        inFlight.put(account, new ArrayList<>());
      }
      while (!stop.get()) {
        for (Credentials account : accounts) {
          List<String> pending = inFlight.get(account);
          while (pending.size() < MAX_IN_FLIGHT_PER_ACCOUNT && !stop.get()) {
            long nonce = nonces.get(account);
            String signed =
                SignedTransactions.eip1559(
                    account, Devnet.CHAIN_ID, nonce, gas, to, BigInteger.ZERO, data);
            RpcReply reply = node.rpc().call("eth_sendRawTransaction", signed);
            if (reply.isError()) {
              failures.add("nonce " + nonce + " of " + account.getAddress() + ": " + reply);
              return;
            }
            pending.add(reply.result().textValue());
            sent.incrementAndGet();
            nonces.put(account, nonce + 1);
            nextNonces.put(account, nonce + 1);
          }
          pending.removeIf(this::recordIfMined);
        }
        Thread.sleep(100); // pacing of the client, not a synchronisation
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failures.add(e.toString());
    }
  }

  private boolean recordIfMined(String txHash) {
    JsonNode receipt = node.rpc().result("eth_getTransactionReceipt", txHash);
    if (receipt.isNull()) {
      return false;
    }
    SeenReceipt seenReceipt = SeenReceipt.of(receipt);
    seen.put(txHash, seenReceipt);
    if (!"0x1".equals(seenReceipt.status())) {
      failures.add(txHash + " failed: " + receipt);
    }
    return true;
  }
}
