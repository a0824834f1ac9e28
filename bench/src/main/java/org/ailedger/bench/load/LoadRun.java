package org.ailedger.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;
import java.util.stream.IntStream;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.apache.tuweni.units.bigints.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole load run: checks the node, signs every sender's transactions, sends them for warm-up plus
 * the measured window while following the chain, waits a bounded time for the rest to commit, and
 * reports. Everything it starts has ended when {@link #execute} returns.
 */
public final class LoadRun {
  private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final long POLL_MILLIS = 20;

  private final LoadSettings settings;
  private final OptionalLong nodePid;
  private final List<Long> splitPids;
  private final JsonRpcClient client;

  /**
   * @param nodePid the node's process id, to report its CPU use; this machine only
   * @param splitPids processes whose CPU time to report by thread; this machine only
   */
  public LoadRun(LoadSettings settings, OptionalLong nodePid, List<Long> splitPids) {
    this.settings = settings;
    this.nodePid = nodePid;
    this.splitPids = List.copyOf(splitPids);
    this.client = new JsonRpcClient(settings.rpc(), REQUEST_TIMEOUT);
  }

  public LoadReport execute() throws InterruptedException {
    long chainId = client.quantity("eth_chainId");
    if (chainId != DevAccounts.DEVNET_CHAIN_ID) {
      throw new LoadRunException(
          "the node runs chain "
              + chainId
              + "; the load accounts exist only on"
              + " the devnet (chain "
              + DevAccounts.DEVNET_CHAIN_ID
              + ")");
    }
    UInt256 maxFee = UInt256.valueOf(client.quantity("eth_gasPrice")).multiply(2);
    List<KeyPair> keys =
        IntStream.range(0, settings.senders()).parallel().mapToObj(Presigner::senderKey).toList();
    int perSender = settings.transactionsPerSender();
    Calls calls =
        switch (settings.workload()) {
          case TRANSFER, PERMISSION_CHECK ->
              new PeerCalls(settings.workload(), keys.stream().map(KeyPair::address).toList());
          case SUBMIT_UPDATE -> {
            SetupSender setup = new SetupSender(client, chainId, maxFee);
            NodeKind kind = NodeKind.detect(client);
            LedgerContracts contracts =
                switch (kind) {
                  case AI_LEDGER -> LedgerContracts.NATIVE;
                  case ANVIL -> new SolidityLedger(setup).deploy();
                };
            LOG.info("submitUpdate goes to {} contracts at {}", kind, contracts);
            yield new RoundSetup(client, setup, contracts)
                .prepare(perSender, keys.get(0).address());
          }
        };
    List<Long> nonces = pendingNonces(keys);
    long signStart = System.nanoTime();
    List<SignedSequence> sequences =
        new Presigner(chainId, maxFee, calls).sign(keys, nonces, perSender);
    Duration signing = Duration.ofNanos(System.nanoTime() - signStart);
    LOG.info("Signed {} transactions in {} ms", (long) perSender * keys.size(), signing.toMillis());
    TransactionBook book = new TransactionBook(sequences);
    long head = client.quantity("eth_blockNumber");

    RunClock clock = RunClock.startingNow(settings.warmup(), settings.duration());
    CommitFollower follower =
        new CommitFollower(client, book, clock, head, settings.receiptsPerBlock(), POLL_MILLIS);
    Thread followerThread = Thread.ofPlatform().name("commit-follower").start(follower);
    SubmitCounters counters = new SubmitCounters();
    Pacer pacer = new Pacer(settings.rate(), settings.senders());
    ThreadFactory senderThreads = Thread.ofVirtual().name("sender-", 0).factory();
    List<Thread> senders = new ArrayList<>();
    for (SignedSequence sequence : sequences) {
      Thread thread =
          senderThreads.newThread(
              new SenderLoop(
                  sequence,
                  client,
                  book,
                  pacer,
                  clock,
                  settings.window(),
                  settings.batchSize(),
                  counters));
      thread.start();
      senders.add(thread);
    }
    try {
      sleepUntil(clock.windowStartNanos());
      CpuSnapshot atStart = CpuSnapshot.now(nodePid);
      List<ThreadCpu> threadsAtStart = threadsNow();
      LOG.info("Measured window opens");
      sleepUntil(clock.windowEndNanos());
      CpuSnapshot atEnd = CpuSnapshot.now(nodePid);
      List<ThreadSplit> threads = splitSince(threadsAtStart);
      LOG.info(
          "Measured window closed; waiting up to {} s for submitted transactions to commit",
          settings.drain().toSeconds());
      for (Thread sender : senders) {
        sender.join(REQUEST_TIMEOUT.toMillis() + 1000);
      }
      drain(book, counters);
      follower.stop();
      followerThread.join(REQUEST_TIMEOUT.toMillis() + 1000);
      return new LoadReport(
          settings,
          chainId,
          perSender,
          signing,
          counters,
          book.committed(),
          WindowThroughput.of(
              follower.blocks(),
              Math.ceilDiv(clock.windowStartWallMillis(), 1000),
              Math.floorDiv(clock.windowEndWallMillis(), 1000)),
          follower.receipts(),
          follower.inclusion(),
          follower.failedReceipts(),
          follower.missingReceipts(),
          follower.droppedSamples(),
          atEnd.since(atStart),
          threads);
    } finally {
      follower.stop();
      senders.forEach(Thread::interrupt);
      followerThread.interrupt();
    }
  }

  private List<ThreadCpu> threadsNow() {
    return splitPids.stream().flatMap(pid -> ThreadCpu.of(pid).stream()).toList();
  }

  private static List<ThreadSplit> splitSince(List<ThreadCpu> start) {
    List<ThreadSplit> splits = new ArrayList<>();
    for (ThreadCpu before : start) {
      ThreadCpu.of(before.pid())
          .ifPresent(now -> splits.add(new ThreadSplit(before.pid(), now.since(before))));
    }
    return splits;
  }

  private void drain(TransactionBook book, SubmitCounters counters) throws InterruptedException {
    long deadline = System.nanoTime() + settings.drain().toNanos();
    while (book.committed() < counters.accepted() && System.nanoTime() < deadline) {
      book.awaitCommits(100);
    }
  }

  private List<Long> pendingNonces(List<KeyPair> keys) {
    List<JsonRpcClient.Call> calls =
        keys.stream()
            .map(
                k ->
                    new JsonRpcClient.Call(
                        "eth_getTransactionCount", List.of(k.address().toHexString(), "pending")))
            .toList();
    List<RpcOutcome> outcomes = client.batch(calls);
    List<Long> nonces = new ArrayList<>(keys.size());
    for (RpcOutcome outcome : outcomes) {
      if (!(outcome instanceof RpcOutcome.Success success)) {
        throw new LoadRunException(
            "eth_getTransactionCount failed at " + settings.rpc() + ": " + outcome);
      }
      nonces.add(Long.decode(success.result().asText()));
    }
    return nonces;
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }
}
