package org.ailedger.node.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.p2p.eth.EthMessage;
import org.ailedger.node.p2p.eth.EthMessage.BlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.BlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.NewBlock;
import org.ailedger.node.p2p.eth.EthProtocolViolation;
import org.junit.jupiter.api.Test;

/**
 * In-process nodes of a one-validator chain on in-memory stores, connected by {@link
 * InMemoryNetwork}: an empty node catches up from honest and dishonest peers.
 */
class SynchronizerTest {
  private static final int BLOCKS = 120;

  private final InMemoryNetwork network = new InMemoryNetwork();
  private final ManualTimeouts timeouts = new ManualTimeouts();
  private final SyncTestNode producer = new SyncTestNode(timeouts);
  private final SyncTestNode follower = new SyncTestNode(timeouts);

  private void assertCaughtUp() {
    assertThat(follower.head()).isEqualTo(producer.head());
    assertThat(follower.chain.head().hash()).isEqualTo(producer.chain.head().hash());
    assertThat(follower.chain.head().stateRoot()).isEqualTo(producer.chain.head().stateRoot());
    assertThat(follower.sync.isSyncing()).isFalse();
    assertThat(follower.sync.progress()).isEmpty();
  }

  @Test
  void anEmptyNodeCatchesUpAValidatorsChainWithTheSameHeadAndState() {
    producer.produce(BLOCKS);
    InMemoryNetwork.End peer = network.connect(follower.sessions, producer.sessions);

    network.runUntilIdle();

    assertCaughtUp();
    assertThat(follower.chain.block(10).orElseThrow().transactions()).hasSize(1);
    assertThat(follower.syncingChanges).containsExactly(true, false);
    assertThat(follower.progressAtStart).containsExactly(new SyncProgress(0, 0, BLOCKS));
    assertThat(peer.isClosed()).isFalse();
    assertThat(timeouts.pending()).isZero();
  }

  @Test
  void anEmptyNodeCatchesUpInManySmallBatches() {
    SyncTestNode small =
        new SyncTestNode(timeouts, new SyncConfig(16, 7, Duration.ofSeconds(5), 3));
    producer.produce(BLOCKS);
    network.connect(small.sessions, producer.sessions);

    network.runUntilIdle();

    assertThat(small.chain.head()).isEqualTo(producer.chain.head());
    assertThat(small.syncingChanges).containsExactly(true, false);
  }

  @Test
  void aRestartedNodeCatchesUpFromWhereItsStoreLeftOff() {
    producer.produce(50);
    InMemoryNetwork.End link = network.connect(follower.sessions, producer.sessions);
    network.runUntilIdle();
    link.close();
    network.runUntilIdle();
    producer.produce(BLOCKS - 50);

    SyncTestNode restarted =
        new SyncTestNode(timeouts, SyncConfig.DEFAULT, Runnable::run, follower.store);
    assertThat(restarted.head()).isEqualTo(50);
    network.connect(restarted.sessions, producer.sessions);
    network.runUntilIdle();

    assertThat(restarted.chain.head()).isEqualTo(producer.chain.head());
    assertThat(restarted.progressAtStart).containsExactly(new SyncProgress(50, 50, BLOCKS));
  }

  @Test
  void aPeerServingABadSealIsDroppedAndSyncFinishesFromAnHonestPeer() {
    producer.produce(BLOCKS);
    InMemoryNetwork.End forger = network.connect(follower.sessions, producer.sessions);
    forger.remoteSendsThrough(SynchronizerTest::forgeSealOfBlock50);
    InMemoryNetwork.End honest = network.connect(follower.sessions, producer.sessions);

    network.runUntilIdle();

    assertThat(forger.disconnectedFor).isEqualTo(EthProtocolViolation.INVALID_BLOCK);
    assertThat(honest.isClosed()).isFalse();
    assertCaughtUp();
  }

  @Test
  void aPeerServingATamperedBodyIsDroppedAndSyncFinishesFromAnHonestPeer() {
    producer.produce(BLOCKS);
    InMemoryNetwork.End tamperer = network.connect(follower.sessions, producer.sessions);
    tamperer.remoteSendsThrough(SynchronizerTest::emptyEveryBody);
    InMemoryNetwork.End honest = network.connect(follower.sessions, producer.sessions);

    network.runUntilIdle();

    assertThat(tamperer.disconnectedFor).isEqualTo(EthProtocolViolation.MISMATCHED_RESPONSE);
    assertThat(honest.isClosed()).isFalse();
    assertCaughtUp();
  }

  @Test
  void anUnansweredRequestTimesOutAndAnotherPeerIsUsed() {
    producer.produce(BLOCKS);
    InMemoryNetwork.End silent = network.connect(follower.sessions, producer.sessions);
    silent.remoteSendsThrough(SynchronizerTest::answerNothing);
    network.connect(follower.sessions, producer.sessions);
    network.runUntilIdle();
    assertThat(follower.head()).isZero();
    assertThat(follower.sync.isSyncing()).isTrue();

    timeouts.advance(SyncConfig.DEFAULT_REQUEST_TIMEOUT);
    network.runUntilIdle();

    assertCaughtUp();
    assertThat(silent.isClosed()).as("one timeout is not yet a reason to disconnect").isFalse();
  }

  @Test
  void aPeerThatKeepsLeavingRequestsUnansweredIsDropped() {
    producer.produce(BLOCKS);
    InMemoryNetwork.End silent = network.connect(follower.sessions, producer.sessions);
    silent.remoteSendsThrough(SynchronizerTest::answerNothing);
    network.runUntilIdle();

    for (int i = 0; i < SyncConfig.DEFAULT_TIMEOUTS_BEFORE_DISCONNECT; i++) {
      assertThat(silent.isClosed()).isFalse();
      timeouts.advance(SyncConfig.DEFAULT_REQUEST_TIMEOUT);
      network.runUntilIdle();
    }

    assertThat(silent.disconnectedFor).isEqualTo(EthProtocolViolation.REQUEST_TIMEOUT);
    assertThat(follower.sync.isSyncing()).isFalse();
    assertThat(follower.syncingChanges).containsExactly(true, false);
  }

  @Test
  void aNewBlockForTheNextHeightIsImportedDirectlyAndNotEchoed() {
    InMemoryNetwork.End followerSeenByProducer =
        network.connect(producer.sessions, follower.sessions);
    List<EthMessage> sentByFollower = new ArrayList<>();
    followerSeenByProducer.remoteSendsThrough(
        m -> {
          sentByFollower.add(m);
          return m;
        });
    network.runUntilIdle();

    producer.produce(1);
    network.runUntilIdle();

    assertThat(follower.chain.head()).isEqualTo(producer.chain.head());
    assertThat(follower.syncingChanges).isEmpty();
    assertThat(sentByFollower).noneMatch(NewBlock.class::isInstance);
  }

  @Test
  void aNewBlockFiveAheadTriggersASync() {
    InMemoryNetwork.End producerSeenByFollower =
        network.connect(follower.sessions, producer.sessions);
    producerSeenByFollower.remoteSendsThrough(
        m -> m instanceof NewBlock n && n.block().number() < 5 ? null : m);
    network.runUntilIdle();

    producer.produce(5);
    network.runUntilIdle();

    assertCaughtUp();
    assertThat(follower.head()).isEqualTo(5);
    assertThat(follower.syncingChanges).containsExactly(true, false);
  }

  @Test
  void aSyncedNodeAnnouncesItsNewBlocksToPeers() {
    SyncTestNode third = new SyncTestNode(timeouts);
    network.connect(follower.sessions, producer.sessions);
    network.connect(third.sessions, follower.sessions);
    network.runUntilIdle();

    producer.produce(3);
    network.runUntilIdle();

    assertThat(third.chain.head()).isEqualTo(producer.chain.head());
    assertThat(third.syncingChanges).isEmpty();
  }

  private static EthMessage forgeSealOfBlock50(EthMessage message) {
    if (!(message instanceof BlockHeaders h)) {
      return message;
    }
    CommitSeals seals = new CommitSeals(SyncTestNode.SECP256K1);
    List<BlockHeader> forged = new ArrayList<>();
    for (BlockHeader header : h.headers()) {
      if (header.number() == 50) {
        var extra = header.qbftExtraData();
        header =
            header.withExtraData(
                extra.withSeals(List.of(seals.seal(header, DevAccounts.account(0)))).encode());
      }
      forged.add(header);
    }
    return new BlockHeaders(h.requestId(), forged);
  }

  private static EthMessage emptyEveryBody(EthMessage message) {
    if (!(message instanceof BlockBodies b)) {
      return message;
    }
    return new BlockBodies(
        b.requestId(), b.bodies().stream().map(body -> new BlockBody(List.of())).toList());
  }

  private static EthMessage answerNothing(EthMessage message) {
    return message instanceof BlockHeaders || message instanceof BlockBodies ? null : message;
  }
}
