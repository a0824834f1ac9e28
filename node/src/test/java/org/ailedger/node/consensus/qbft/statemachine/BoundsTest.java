package org.ailedger.node.consensus.qbft.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.consensus.qbft.message.MessageCodes;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.genesis.QbftOptions;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** The named bounds on what peers can make a validator hold. */
class BoundsTest {
  @Test
  void futureBufferKeepsOnlyHeightsWithinTheDistanceAndDropsTheFarthestFirst() {
    FutureMessageBuffer<String> buffer = new FutureMessageBuffer<>(10, 3);

    buffer.add(5, 5, "current height", 1);
    buffer.add(5, 16, "too far", 1);
    buffer.add(5, 6, "a", 1);
    buffer.add(5, 15, "far", 1);
    buffer.add(5, 6, "b", 1);
    buffer.add(5, 7, "c", 1); // over the limit: height 15 goes

    assertThat(buffer.size()).isEqualTo(3);
    assertThat(buffer.take(6)).containsExactly("a", "b");
    assertThat(buffer.take(7)).containsExactly("c");
    assertThat(buffer.size()).isZero();
  }

  @Test
  void takingAHeightForgetsTheHeightsBelowIt() {
    FutureMessageBuffer<String> buffer = new FutureMessageBuffer<>(10, 100);
    buffer.add(1, 2, "skipped", 1);
    buffer.add(1, 3, "wanted", 1);

    assertThat(buffer.take(3)).containsExactly("wanted");
    assertThat(buffer.size()).isZero();
  }

  @Test
  void trackerForgetsTheOldestBeyondItsLimit() {
    MessageTracker tracker = new MessageTracker(2);

    assertThat(tracker.firstSight(Bytes.of(1))).isTrue();
    assertThat(tracker.firstSight(Bytes.of(1))).isFalse();
    assertThat(tracker.firstSight(Bytes.of(2))).isTrue();
    assertThat(tracker.firstSight(Bytes.of(3))).isTrue();
    assertThat(tracker.firstSight(Bytes.of(1))).isTrue();
  }

  @Test
  void fullQueueDropsPeersMessagesButNeverTimersOrHeads() {
    EventQueue queue = new EventQueue(2);
    QbftEvent message =
        new QbftEvent.MessageReceived(Address.ZERO, MessageCodes.PREPARE, Bytes.of(1));
    QbftEvent head =
        new QbftEvent.NewChainHead(
            QbftFixtures.genesis(QbftFixtures.addresses(QbftFixtures.validatorKeys(1))));
    QbftEvent timer = new QbftEvent.RoundTimerExpired(new RoundId(1, 0));

    assertThat(queue.offer(message)).isTrue();
    assertThat(queue.offer(message)).isTrue();
    assertThat(queue.offer(message)).isFalse();
    assertThat(queue.offer(head)).isTrue();
    assertThat(queue.offer(timer)).isTrue();
    assertThat(queue.size()).isEqualTo(4);

    queue.poll();
    assertThat(queue.offer(message)).as("room again once one is taken").isTrue();
  }

  @Test
  void everyGenesisTimingAndBoundReachesTheConfig() {
    QbftConfig config =
        QbftConfig.from(new QbftOptions(2, 9, 30_000, 4, false, 11, 12, 13, 14, 15));

    assertThat(config).isEqualTo(new QbftConfig(2, 9, false, 4, 11, 12, 13, 14, 15));
  }
}
