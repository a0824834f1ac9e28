package org.ailedger.node.app;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.p2p.eth.EthRequestServer;
import org.ailedger.node.p2p.eth.EthSessions;
import org.ailedger.node.p2p.eth.StatusExchange;
import org.ailedger.node.sync.BlockPropagator;
import org.ailedger.node.sync.SyncConfig;
import org.ailedger.node.sync.Synchronizer;
import org.ailedger.node.sync.Timeouts;
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
      ScheduledExecutorService threads,
      AutoCloseable announcements)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        announcements.close();
      } catch (Exception e) {
        LOG.debug("Removing the block announcer failed", e);
      }
      eth.close();
      threads.shutdownNow();
    }
  }

  static Running start(DefaultBlockchain chain, BlockImporter importer) {
    // one thread for request timeouts and imports: imports are serialized by the importer anyway
    ScheduledExecutorService threads =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sync").daemon().factory());
    StatusExchange status = new StatusExchange(chain);
    Synchronizer synchronizer =
        new Synchronizer(
            chain, importer, status, SyncConfig.DEFAULT, Timeouts.on(threads), threads);
    BlockPropagator propagator = new BlockPropagator(status, synchronizer::isSyncing);
    AutoCloseable announcements = chain.onBlockAdded(propagator::blockAdded);
    // the propagator first: it learns which peer a block came from before its import announces it
    EthSessions sessions =
        new EthSessions(status, new EthRequestServer(chain), List.of(propagator, synchronizer));
    return new Running(new EthBridge(sessions), synchronizer, threads, announcements);
  }
}
