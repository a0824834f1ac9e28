package org.ailedger.node.app;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.BlockTimings;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.chain.Registration;
import org.ailedger.node.consensus.qbft.BlockCreator;
import org.ailedger.node.consensus.qbft.ExecutorScheduler;
import org.ailedger.node.consensus.qbft.statemachine.ConsensusChain;
import org.ailedger.node.consensus.qbft.statemachine.ConsensusThread;
import org.ailedger.node.consensus.qbft.statemachine.EventQueue;
import org.ailedger.node.consensus.qbft.statemachine.QbftConfig;
import org.ailedger.node.consensus.qbft.statemachine.QbftController;
import org.ailedger.node.consensus.qbft.statemachine.QbftEvent;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.sync.Synchronizer;
import org.ailedger.node.txpool.TransactionPool;
import org.apache.tuweni.units.bigints.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs QBFT for a node on the network: one thread, one queue, its timers. */
final class ConsensusWiring {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusWiring.class);

  private ConsensusWiring() {}

  /** Running consensus; closing it stops the thread, then its timers. */
  record Running(
      QbftController controller,
      ConsensusThread thread,
      ScheduledExecutorService timers,
      Registration heads,
      Registration syncing)
      implements AutoCloseable {
    @Override
    public void close() {
      heads.close();
      syncing.close();
      try {
        thread.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      timers.shutdownNow();
    }
  }

  /** The queue the network feeds; created before the network so its handler can offer to it. */
  static EventQueue queue(QbftConfig config) {
    return new EventQueue(config.messageQueueLimit());
  }

  static Running start(
      QbftConfig config,
      EventQueue queue,
      IstanbulBridge bridge,
      DefaultBlockchain chain,
      TransactionPool pool,
      BlockImporter importer,
      BlockCreator creator,
      KeyPair key,
      Secp256k1 secp256k1,
      UInt256 baseFee,
      int selectionPercent,
      Synchronizer synchronizer,
      Clock clock,
      BlockTimings timings) {
    ScheduledExecutorService timers =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("qbft-timers").daemon().factory());
    long periodMillis = TimeUnit.SECONDS.toMillis(config.blockPeriodSeconds());
    ConsensusChain consensusChain =
        new ConsensusChain(
            importer,
            creator,
            pool::selectForBlock,
            key,
            baseFee,
            periodMillis * selectionPercent / 100,
            periodMillis,
            timings);
    QbftController controller =
        new QbftController(
            chain.head(),
            key,
            secp256k1,
            bridge,
            consensusChain,
            consensusChain,
            consensusChain,
            new ExecutorScheduler(timers),
            clock,
            config,
            queue);
    // every new head, committed here or synced, moves consensus to the next height
    Registration heads =
        chain.onBlockAdded(
            added -> queue.offer(new QbftEvent.NewChainHead(added.block().header())));
    // consensus pauses while the node catches up, and resumes at the synced head
    Registration syncing =
        synchronizer.onSyncingChanged(now -> queue.offer(new QbftEvent.SyncingChanged(now)));
    if (synchronizer.isSyncing()) {
      queue.offer(new QbftEvent.SyncingChanged(true));
    }
    ConsensusThread thread = new ConsensusThread(controller);
    thread.start();
    LOG.info(
        "QBFT for {} from block {} (block period {} s, empty blocks {}, round timeout {} s)",
        key.address(),
        chain.head().number() + 1,
        config.blockPeriodSeconds(),
        config.createEmptyBlocks()
            ? "after "
                + Math.max(config.blockPeriodSeconds(), config.emptyBlockPeriodSeconds())
                + " s"
            : "never",
        config.requestTimeoutSeconds());
    return new Running(controller, thread, timers, heads, syncing);
  }
}
