package org.ailedger.node.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.chain.Registration;
import org.ailedger.node.p2p.eth.EthRequestServer;
import org.ailedger.node.p2p.eth.EthSessions;
import org.ailedger.node.p2p.eth.PoolAccess;
import org.ailedger.node.p2p.eth.StatusExchange;
import org.ailedger.node.p2p.eth.TransactionGossip;
import org.ailedger.node.sync.BlockPropagator;
import org.ailedger.node.sync.SyncConfig;
import org.ailedger.node.sync.Synchronizer;
import org.ailedger.node.sync.Timeouts;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.txpool.SubmitResult;
import org.ailedger.node.txpool.TransactionPool;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** eth/68 for this node: answering peers, catching up from them, announcing new heads. */
final class SyncWiring {
  private static final Logger LOG = LoggerFactory.getLogger(SyncWiring.class);

  private SyncWiring() {}

  /** The eth stack; closing it stops its threads and announcements. */
  record Running(
      EthBridge eth,
      Synchronizer synchronizer,
      TransactionGossip gossip,
      ScheduledExecutorService threads,
      ScheduledExecutorService gossipThread,
      Registration announcements)
      implements AutoCloseable {
    @Override
    public void close() {
      announcements.close();
      eth.close();
      gossipThread.shutdownNow();
      threads.shutdownNow();
    }
  }

  /** How often queued transactions go out to peers: a fraction of any block period. */
  static final long GOSSIP_EVERY_MILLIS = 20;

  static Running start(
      DefaultBlockchain chain, BlockImporter importer, TransactionPool pool, Clock clock) {
    PoolAccess poolAccess = poolAccess(pool);
    // one thread for request timeouts and imports: imports are serialized by the importer anyway
    ScheduledExecutorService threads =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sync").daemon().factory());
    StatusExchange status = new StatusExchange(chain);
    Synchronizer synchronizer =
        new Synchronizer(
            chain, importer, status, SyncConfig.DEFAULT, Timeouts.on(threads), threads);
    BlockPropagator propagator = new BlockPropagator(status, synchronizer::isSyncing);
    // announced from the sync thread: the appending thread, often consensus, goes straight on
    Registration announcements =
        chain.onBlockAdded(
            added -> {
              try {
                threads.execute(() -> propagator.blockAdded(added));
              } catch (RejectedExecutionException stopping) {
                // the node is stopping: its peers are about to be disconnected anyway
              }
            });
    TransactionGossip gossip = new TransactionGossip(poolAccess, clock);
    ScheduledExecutorService gossipThread =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tx-gossip").daemon().factory());
    gossipThread.scheduleWithFixedDelay(
        () -> {
          try {
            gossip.flush();
          } catch (RuntimeException e) {
            LOG.warn("Sending transactions to peers failed; retrying", e);
          }
        },
        GOSSIP_EVERY_MILLIS,
        GOSSIP_EVERY_MILLIS,
        TimeUnit.MILLISECONDS);
    // the propagator first: it learns which peer a block came from before its import announces it
    EthSessions sessions =
        new EthSessions(
            status,
            new EthRequestServer(chain, poolAccess),
            List.of(propagator, synchronizer, gossip));
    return new Running(
        new EthBridge(sessions), synchronizer, gossip, threads, gossipThread, announcements);
  }

  /** The pool as eth sees it: lookups by hash, and admission telling whether it was new. */
  static PoolAccess poolAccess(TransactionPool pool) {
    return new PoolAccess() {
      @Override
      public Optional<Transaction> pooled(Bytes32 hash) {
        return pool.byHash(hash).map(RecoveredTransaction::transaction);
      }

      @Override
      public boolean submit(Transaction tx) {
        return pool.submit(tx) instanceof SubmitResult.Accepted;
      }
    };
  }
}
