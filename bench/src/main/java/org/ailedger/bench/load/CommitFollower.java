package org.ailedger.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the chain head by polling: fetches every new block, marks this run's transactions in it
 * as committed (which frees their senders' windows), records each block's size and timestamp, and
 * hands a few of its transactions to a second thread that fetches their receipts to time submit →
 * receipt.
 *
 * <p>Polling {@code eth_blockNumber} every few milliseconds costs the node little and bounds the
 * timing error to one interval plus a round trip; a subscription would tie the generator to
 * WebSocket. Receipts are fetched apart from following because the node answers a receipt by
 * reading its whole block: slow receipts must not delay the commits that open senders' windows. For
 * the same reason only a few per block are sampled, spread evenly over the block.
 */
final class CommitFollower implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CommitFollower.class);

  /** Blocks whose receipts wait to be fetched; beyond it samples are dropped and counted. */
  private static final int RECEIPT_QUEUE = 64;

  private final JsonRpcClient client;
  private final TransactionBook book;
  private final RunClock clock;
  private final int receiptsPerBlock;
  private final long pollMillis;
  private final ThreadPoolExecutor receiptFetcher;
  private final Latencies inclusion = new Latencies();
  private final Latencies receipts = new Latencies();
  private final List<BlockRecord> blocks = new ArrayList<>();
  private long lastBlock;
  private long failedReceipts;
  private long missingReceipts;
  private long droppedSamples;
  private volatile boolean stopped;

  CommitFollower(
      JsonRpcClient client,
      TransactionBook book,
      RunClock clock,
      long afterBlock,
      int receiptsPerBlock,
      long pollMillis) {
    this.client = client;
    this.book = book;
    this.clock = clock;
    this.lastBlock = afterBlock;
    this.receiptsPerBlock = receiptsPerBlock;
    this.pollMillis = pollMillis;
    this.receiptFetcher =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(RECEIPT_QUEUE),
            Thread.ofPlatform().name("receipt-fetcher").factory(),
            (task, executor) -> {
              synchronized (this) {
                droppedSamples++;
              }
            });
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    try {
      while (!stopped) {
        poll();
        Thread.sleep(pollMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      receiptFetcher.shutdown();
      try {
        receiptFetcher.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        receiptFetcher.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void poll() {
    if (!(client.call("eth_blockNumber") instanceof RpcOutcome.Success head)) {
      return; // the node is busy or gone: the senders see and count that, try again next poll
    }
    long headNumber = Long.decode(head.result().asText());
    while (lastBlock < headNumber && !stopped) {
      long number = lastBlock + 1;
      RpcOutcome outcome =
          client.call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
      if (!(outcome instanceof RpcOutcome.Success block) || block.result().isNull()) {
        LOG.debug("Block {} not readable yet: {}", number, outcome);
        return;
      }
      follow(block.result());
      lastBlock = number;
    }
  }

  private void follow(JsonNode block) {
    long observedNanos = System.nanoTime();
    JsonNode hashes = block.path("transactions");
    List<String> inWindow = new ArrayList<>();
    List<Long> inWindowSubmits = new ArrayList<>();
    List<Long> delays = new ArrayList<>();
    for (JsonNode hash : hashes) {
      var committed = book.commit(hash.asText());
      if (committed.isEmpty()) {
        continue;
      }
      long submitted = committed.get().firstSubmitNanos();
      if (clock.inWindow(submitted)) {
        delays.add(observedNanos - submitted);
        inWindow.add(hash.asText());
        inWindowSubmits.add(submitted);
      }
    }
    book.signalCommits();
    synchronized (this) {
      delays.forEach(inclusion::add);
      blocks.add(
          new BlockRecord(
              Long.decode(block.path("number").asText()),
              Long.decode(block.path("timestamp").asText()),
              hashes.size(),
              Long.decode(block.path("gasUsed").asText("0x0")),
              System.currentTimeMillis()));
    }
    List<String> sampled = new ArrayList<>();
    List<Long> sampledSubmits = new ArrayList<>();
    int samples = Math.min(receiptsPerBlock, inWindow.size());
    for (int i = 0; i < samples; i++) {
      int at = (int) ((long) i * inWindow.size() / samples); // spread over the block
      sampled.add(inWindow.get(at));
      sampledSubmits.add(inWindowSubmits.get(at));
    }
    if (!sampled.isEmpty()) {
      receiptFetcher.execute(() -> fetchReceipts(sampled, sampledSubmits));
    }
  }

  private void fetchReceipts(List<String> hashes, List<Long> submits) {
    List<JsonRpcClient.Call> calls = new ArrayList<>(hashes.size());
    for (String hash : hashes) {
      calls.add(new JsonRpcClient.Call("eth_getTransactionReceipt", List.of(hash)));
    }
    List<RpcOutcome> outcomes = client.batch(calls);
    long answered = System.nanoTime();
    synchronized (this) {
      for (int i = 0; i < outcomes.size(); i++) {
        if (outcomes.get(i) instanceof RpcOutcome.Success receipt && receipt.result().isObject()) {
          receipts.add(answered - submits.get(i));
          if (!"0x1".equals(receipt.result().path("status").asText())) {
            failedReceipts++;
          }
        } else {
          missingReceipts++;
        }
      }
    }
  }

  synchronized List<BlockRecord> blocks() {
    return List.copyOf(blocks);
  }

  /** Submit → block seen, for every transaction first sent inside the window. */
  synchronized Latencies inclusion() {
    return inclusion.copy();
  }

  /** Submit → receipt answered, for the sampled transactions first sent inside the window. */
  synchronized Latencies receipts() {
    return receipts.copy();
  }

  /** Sampled receipts whose status was not success. */
  synchronized long failedReceipts() {
    return failedReceipts;
  }

  /** Sampled transactions whose receipt was not returned although their block was. */
  synchronized long missingReceipts() {
    return missingReceipts;
  }

  /** Samples not fetched because receipt fetching fell more than a queue behind. */
  synchronized long droppedSamples() {
    return droppedSamples;
  }
}
