package org.ailedger.node.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.ailedger.node.p2p.eth.EthMessage.BlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.BlockHeaders;
import org.ailedger.node.storage.InMemoryKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The synchronizer as production runs it: imports on a worker thread, timeouts on a scheduler. */
class SynchronizerOnThreadsTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService worker = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    worker.shutdownNow();
  }

  @Test
  void anEmptyNodeCatchesUpPastASilentPeerWithImportsOnAWorkerAndRealTimers() throws Exception {
    InMemoryNetwork network = new InMemoryNetwork();
    SyncTestNode producer = new SyncTestNode(new ManualTimeouts());
    SyncTestNode follower =
        new SyncTestNode(
            Timeouts.on(scheduler),
            new SyncConfig(16, 7, Duration.ofMillis(200), 3),
            worker,
            new InMemoryKeyValueStore());
    producer.produce(120);
    InMemoryNetwork.End silent = network.connect(follower.sessions, producer.sessions);
    silent.remoteSendsThrough(
        m -> m instanceof BlockHeaders || m instanceof BlockBodies ? null : m);
    network.connect(follower.sessions, producer.sessions);

    network.runUntil(
        () -> follower.syncingChanges.equals(List.of(true, false)), Duration.ofSeconds(60));

    assertThat(follower.chain.head()).isEqualTo(producer.chain.head());
    assertThat(silent.isClosed()).isFalse();
  }
}
