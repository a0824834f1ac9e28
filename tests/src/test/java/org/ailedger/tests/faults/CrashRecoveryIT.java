package org.ailedger.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.JsonRpc;
import org.ailedger.tests.dsl.NodeProcess;
import org.ailedger.tests.dsl.SignedTransactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;

/**
 * A validator killed with SIGKILL while clients are sending transactions loses nothing it had
 * already shown them: every receipt a client saw is still there after a restart, in the same block,
 * and the chain goes on from where it stopped.
 */
class CrashRecoveryIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("crash-recovery");

  private static final int SENDER_THREADS = 4;
  private static final int ACCOUNTS_PER_THREAD = 2;
  private static final int MAX_IN_FLIGHT_PER_ACCOUNT = 6;
  private static final int MAX_TRANSACTIONS_PER_ACCOUNT = 2_000;
  private static final int RECEIPTS_BEFORE_KILL = 40;
  private static final int BLOCKS_WITH_RECEIPTS_BEFORE_KILL = 3;
  private static final long TRANSFER_GAS = 21_000;

  /** A receipt as a client saw it before the crash. */
  private record SeenReceipt(String txHash, long blockNumber, String blockHash, String status) {}

  private final Map<String, SeenReceipt> seen = new ConcurrentHashMap<>();
  private final Queue<String> failuresBeforeKill = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicBoolean killing = new AtomicBoolean();
  private final AtomicBoolean stopSending = new AtomicBoolean();

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang guard; the test takes well under a minute
  void receiptsSeenBeforeSigkillSurviveRestartAndTheChainMovesOn() throws Exception {
    NodeProcess node = NODE.node();
    JsonRpc rpc = node.rpc();
    ExecutorService senders = Executors.newFixedThreadPool(SENDER_THREADS);
    try {
      for (int thread = 0; thread < SENDER_THREADS; thread++) {
        List<Credentials> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS_PER_THREAD; i++) {
          accounts.add(
              Devnet.account(Devnet.FIRST_LOAD_ACCOUNT + thread * ACCOUNTS_PER_THREAD + i));
        }
        senders.submit(() -> sendAndWatch(rpc, accounts));
      }

      Await.untilTrue(
          RECEIPTS_BEFORE_KILL + " receipts in " + BLOCKS_WITH_RECEIPTS_BEFORE_KILL + " blocks",
          Duration.ofSeconds(30),
          () -> {
            assertThat(failuresBeforeKill).as("send or poll failures").isEmpty();
            return seen.size() >= RECEIPTS_BEFORE_KILL
                && seen.values().stream().map(SeenReceipt::blockNumber).distinct().count()
                    >= BLOCKS_WITH_RECEIPTS_BEFORE_KILL;
          });
      long headBeforeKill = rpc.blockNumber();
      String headHashBeforeKill = blockHash(rpc, headBeforeKill);
      int sentAtHead = sent.get();
      Await.untilTrue(
          "clients to be still sending", Duration.ofSeconds(10), () -> sent.get() > sentAtHead);

      killing.set(true);
      node.kill();
      stopSending.set(true);
      senders.shutdown();
      assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).as("senders stopped").isTrue();
      assertThat(failuresBeforeKill).as("send or poll failures before the kill").isEmpty();
      Map<String, SeenReceipt> seenBeforeKill = Map.copyOf(seen);

      node.restart();

      assertThat(blockHash(rpc, headBeforeKill))
          .as("block %d, the head a client saw before the kill", headBeforeKill)
          .isEqualTo(headHashBeforeKill);
      for (SeenReceipt before : seenBeforeKill.values()) {
        JsonNode after = rpc.result("eth_getTransactionReceipt", before.txHash());
        assertThat(after.isNull()).as("receipt of %s after restart", before.txHash()).isFalse();
        assertThat(
                new SeenReceipt(
                    after.path("transactionHash").asText(),
                    JsonRpc.quantity(after.get("blockNumber")).longValueExact(),
                    after.path("blockHash").asText(),
                    after.path("status").asText()))
            .isEqualTo(before);
        assertThat(blockHash(rpc, before.blockNumber()))
            .as("block %d is still the one holding %s", before.blockNumber(), before.txHash())
            .isEqualTo(before.blockHash());
      }

      long headAfterRestart = rpc.blockNumber();
      assertThat(headAfterRestart).isGreaterThanOrEqualTo(headBeforeKill);
      node.awaitBlockAbove(headAfterRestart, Duration.ofSeconds(20));
      assertNewTransactionIsMined(rpc, Devnet.account(Devnet.FIRST_LOAD_ACCOUNT));
    } finally {
      stopSending.set(true);
      senders.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang guard
  void sigtermStopsTheNodeCleanlyAndARestartResumesTheChain() {
    NodeProcess node = NODE.node();
    JsonRpc rpc = node.rpc();
    long head = node.awaitBlockAbove(rpc.blockNumber(), Duration.ofSeconds(15));
    String headHash = blockHash(rpc, head);

    int exitCode = node.stop();

    // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal
    assertThat(exitCode).as("exit code after SIGTERM").isIn(0, 143);
    node.restart();
    assertThat(blockHash(rpc, head)).isEqualTo(headHash);
    node.awaitBlockAbove(Math.max(head, rpc.blockNumber()), Duration.ofSeconds(20));
  }

  /**
   * One client thread: keeps a few transactions in flight per account and records each receipt the
   * moment the node first returns it.
   */
  private void sendAndWatch(JsonRpc rpc, List<Credentials> accounts) {
    Map<Credentials, Long> nonces = new ConcurrentHashMap<>();
    Map<Credentials, List<String>> inFlight = new ConcurrentHashMap<>();
    accounts.forEach(
        account -> {
          nonces.put(account, 0L);
          inFlight.put(account, new ArrayList<>());
        });
    String recipient = Devnet.account(Devnet.LAST_LOAD_ACCOUNT).getAddress();
    try {
      while (!stopSending.get()) {
        for (Credentials account : accounts) {
          List<String> pending = inFlight.get(account);
          while (pending.size() < MAX_IN_FLIGHT_PER_ACCOUNT
              && nonces.get(account) < MAX_TRANSACTIONS_PER_ACCOUNT
              && !stopSending.get()) {
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
            var reply = rpc.call("eth_sendRawTransaction", signed);
            if (reply.isError()) {
              reportBeforeKill("nonce " + nonce + " of " + account.getAddress() + ": " + reply);
              return;
            }
            pending.add(reply.result().textValue());
            nonces.put(account, nonce + 1);
            sent.incrementAndGet();
          }
          pending.removeIf(txHash -> recordReceiptIfMined(rpc, txHash));
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      reportBeforeKill(e.toString());
    }
  }

  private boolean recordReceiptIfMined(JsonRpc rpc, String txHash) {
    JsonNode receipt = rpc.result("eth_getTransactionReceipt", txHash);
    if (receipt.isNull()) {
      return false;
    }
    seen.put(
        txHash,
        new SeenReceipt(
            receipt.path("transactionHash").asText(),
            JsonRpc.quantity(receipt.get("blockNumber")).longValueExact(),
            receipt.path("blockHash").asText(),
            receipt.path("status").asText()));
    return true;
  }

  private void reportBeforeKill(String failure) {
    // once the kill starts, refused connections are what a client should see
    if (!killing.get()) {
      failuresBeforeKill.add(failure);
    }
  }

  private static void assertNewTransactionIsMined(JsonRpc rpc, Credentials account) {
    long nonce =
        JsonRpc.quantity(rpc.result("eth_getTransactionCount", account.getAddress(), "pending"))
            .longValueExact();
    String signed =
        SignedTransactions.eip1559(
            account,
            Devnet.CHAIN_ID,
            nonce,
            TRANSFER_GAS,
            Devnet.account(Devnet.LAST_LOAD_ACCOUNT).getAddress(),
            BigInteger.ZERO,
            "0x");
    String txHash = rpc.result("eth_sendRawTransaction", signed).textValue();
    JsonNode receipt =
        Await.until(
            "a transaction sent after the restart to be mined",
            Duration.ofSeconds(20),
            () -> {
              JsonNode r = rpc.result("eth_getTransactionReceipt", txHash);
              return r.isNull() ? Optional.empty() : Optional.of(r);
            });
    assertThat(receipt.path("status").asText()).isEqualTo("0x1");
  }

  private static String blockHash(JsonRpc rpc, long number) {
    JsonNode block = rpc.result("eth_getBlockByNumber", JsonRpc.quantity(number), false);
    assertThat(block.isNull()).as("block %d exists", number).isFalse();
    return block.path("hash").asText();
  }
}
