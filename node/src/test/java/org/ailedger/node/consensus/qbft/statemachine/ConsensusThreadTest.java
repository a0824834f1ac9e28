package org.ailedger.node.consensus.qbft.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.ExecutorScheduler;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.crypto.KeyPair;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** The production wiring: a real scheduler and clock, and the one consensus thread. */
class ConsensusThreadTest {
  @Test
  void aSoleValidatorCommitsBlocksOnItsOwnThread() throws Exception {
    KeyPair key = QbftFixtures.validatorKeys(1).get(0);
    long now = System.currentTimeMillis() / 1000;
    BlockHeader genesis =
        QbftFixtures.header(0, Bytes32.ZERO, key.address(), List.of(key.address()), 0, now - 5);
    CountDownLatch twoBlocks = new CountDownLatch(2);
    EventQueue queue = new EventQueue(100);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    BlockHeader[] head = {genesis};
    QbftController controller =
        new QbftController(
            genesis,
            key,
            QbftFixtures.SECP,
            (recipients, code, data) -> {},
            new ProposalBuilder() {
              @Override
              public Block build(BlockHeader parent, int round, long timestamp) {
                return new Block(
                    QbftFixtures.header(
                        parent.number() + 1,
                        parent.hash(),
                        key.address(),
                        List.of(key.address()),
                        round,
                        timestamp),
                    List.of());
              }

              @Override
              public boolean hasCandidates(BlockHeader parent) {
                return false;
              }
            },
            (block, parent) -> Optional.empty(),
            committed -> {
              head[0] = committed.header();
              queue.offer(new QbftEvent.NewChainHead(committed.header()));
              twoBlocks.countDown();
              return true;
            },
            new ExecutorScheduler(executor),
            Clock.systemUTC(),
            InMemoryNetwork.config(1, 1),
            queue);
    ConsensusThread thread = new ConsensusThread(controller);

    thread.start();
    try {
      assertThat(twoBlocks.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      thread.stop();
      executor.shutdownNow();
    }
    assertThat(head[0].number()).isGreaterThanOrEqualTo(2);
    assertThat(head[0].qbftExtraData().seals()).hasSize(1);
  }
}
