package org.ailedger.tests.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
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
 * A client that keeps a few zero-value transfers in flight from some dev accounts, all sent to one
 * node, and records each receipt the moment that node first returns it. Stopping it waits for its
 * thread; failures are kept for the test to assert on.
 */
public final class TransferLoad implements AutoCloseable {
  private static final int MAX_IN_FLIGHT_PER_ACCOUNT = 4;
  private static final long TRANSFER_GAS = 21_000;

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
  private final String recipient;
  private final Map<String, SeenReceipt> seen = new ConcurrentHashMap<>();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;

  private TransferLoad(NodeProcess node, List<Integer> accountIndexes, int recipientIndex) {
    this.node = node;
    this.accounts = accountIndexes.stream().map(Devnet::account).toList();
    this.recipient = Devnet.account(recipientIndex).getAddress();
    this.thread = new Thread(this::run, "transfers-to-" + node.name());
    thread.setDaemon(true);
  }

  /**
   * Starts sending from the dev accounts {@code accountIndexes} (fresh ones: nonce 0) to {@code
   * node}.
   */
  public static TransferLoad start(
      NodeProcess node, List<Integer> accountIndexes, int recipientIndex) {
    TransferLoad load = new TransferLoad(node, accountIndexes, recipientIndex);
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
    accounts.forEach(
        a -> {
          nonces.put(a, 0L);
          inFlight.put(a, new ArrayList<>());
        });
    try {
      while (!stop.get()) {
        for (Credentials account : accounts) {
          List<String> pending = inFlight.get(account);
          while (pending.size() < MAX_IN_FLIGHT_PER_ACCOUNT && !stop.get()) {
            long nonce = nonces.get(account);
            String signed =
                SignedTransactions.eip1559(
                    account,
                    Devnet.CHAIN_ID,
                    nonce,
                    TRANSFER_GAS,
                    recipient,
                    BigInteger.ZERO,
                    "0x");
            RpcReply reply = node.rpc().call("eth_sendRawTransaction", signed);
            if (reply.isError()) {
              failures.add("nonce " + nonce + " of " + account.getAddress() + ": " + reply);
              return;
            }
            pending.add(reply.result().textValue());
            nonces.put(account, nonce + 1);
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
    seen.put(txHash, SeenReceipt.of(receipt));
    return true;
  }
}
