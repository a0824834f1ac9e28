package org.ailedger.node.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.p2p.eth.EthMessage.Announcement;
import org.ailedger.node.p2p.eth.EthMessage.BlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.BlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.NewBlock;
import org.ailedger.node.p2p.eth.EthMessage.NewBlockHashes;
import org.ailedger.node.p2p.eth.EthMessage.StartBlock;
import org.ailedger.node.p2p.eth.EthMessage.Status;
import org.ailedger.node.p2p.eth.EthProtocolViolation;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** What the synchronizer asks a peer, and how it answers a peer's responses that do not fit. */
class SynchronizerResponseTest {
  private final ManualTimeouts timeouts = new ManualTimeouts();
  private final SyncTestNode producer = new SyncTestNode(timeouts);
  private final SyncTestNode node = new SyncTestNode(timeouts);
  private final ScriptedPeer peer = new ScriptedPeer();

  SynchronizerResponseTest() {
    producer.produce(20);
  }

  /** The peer joins claiming the producer's chain up to {@code height}. */
  private void joinAt(long height) {
    node.sessions.peerConnected(peer);
    Status status = producer.status.localStatus();
    node.sessions.messageReceived(
        peer,
        new Status(
            68,
            status.networkId(),
            producer.status.totalDifficulty(height),
            producer.chain.header(height).orElseThrow().hash(),
            status.genesisHash(),
            status.forkId()));
  }

  private List<BlockHeader> headers(long from, long to) {
    return LongStream.rangeClosed(from, to)
        .mapToObj(n -> producer.chain.header(n).orElseThrow())
        .toList();
  }

  @Test
  void headersAreAskedFromTheNextBlockUpToThePeersHead() {
    joinAt(5);

    assertThat(peer.last(GetBlockHeaders.class))
        .isEqualTo(new GetBlockHeaders(1, new StartBlock.Number(1), 5, 0, false));
    assertThat(node.sync.progress()).contains(new SyncProgress(0, 0, 5));
  }

  @Test
  void bodiesAreAskedForTheHeadersReceivedAndTheBlocksImported() {
    joinAt(5);
    node.sessions.messageReceived(peer, new BlockHeaders(1, headers(1, 5)));

    assertThat(peer.last(GetBlockBodies.class).hashes())
        .containsExactlyElementsOf(headers(1, 5).stream().map(BlockHeader::hash).toList());

    node.sessions.messageReceived(
        peer,
        new BlockBodies(
            2,
            LongStream.rangeClosed(1, 5)
                .mapToObj(n -> producer.chain.block(n).orElseThrow().body())
                .toList()));

    assertThat(node.head()).isEqualTo(5);
    assertThat(node.sync.isSyncing()).isFalse();
    assertThat(peer.disconnectedFor).isNull();
  }

  @Test
  void moreHeadersThanAskedDropThePeer() {
    joinAt(2);
    node.sessions.messageReceived(peer, new BlockHeaders(1, headers(1, 3)));

    assertThat(peer.disconnectedFor).isEqualTo(EthProtocolViolation.MISMATCHED_RESPONSE);
    assertThat(node.sync.isSyncing()).isFalse();
  }

  @Test
  void headersThatDoNotContinueOurHeadDropThePeer() {
    joinAt(5);
    node.sessions.messageReceived(peer, new BlockHeaders(1, headers(2, 5)));

    assertThat(peer.disconnectedFor).isEqualTo(EthProtocolViolation.MISMATCHED_RESPONSE);
  }

  @Test
  void moreBodiesThanHeadersAskedDropThePeer() {
    joinAt(1);
    node.sessions.messageReceived(peer, new BlockHeaders(1, headers(1, 1)));
    BlockBody body = producer.chain.block(1).orElseThrow().body();
    node.sessions.messageReceived(peer, new BlockBodies(2, List.of(body, body)));

    assertThat(peer.disconnectedFor).isEqualTo(EthProtocolViolation.MISMATCHED_RESPONSE);
    assertThat(node.head()).isZero();
  }

  @Test
  void noHeadersMeansThePeerHasNothingNewButIsNotAtFault() {
    joinAt(5);
    node.sessions.messageReceived(peer, new BlockHeaders(1, List.of()));

    assertThat(peer.disconnectedFor).isNull();
    assertThat(node.sync.isSyncing()).isFalse();
  }

  @Test
  void aResponseToARequestNeverMadeDropsThePeer() {
    joinAt(5);
    node.sessions.messageReceived(peer, new BlockHeaders(99, headers(1, 5)));

    assertThat(peer.disconnectedFor).isEqualTo(EthProtocolViolation.UNSOLICITED_RESPONSE);
  }

  @Test
  void aLateAnswerToATimedOutRequestIsIgnored() {
    joinAt(5);
    timeouts.advance(SyncConfig.DEFAULT_REQUEST_TIMEOUT);
    assertThat(peer.last(GetBlockHeaders.class).requestId()).as("asked again").isEqualTo(2);

    node.sessions.messageReceived(peer, new BlockHeaders(1, headers(1, 5)));

    assertThat(peer.disconnectedFor).isNull();
    assertThat(node.head()).isZero();
  }

  @Test
  void anInvalidNewBlockForTheNextHeightDropsThePeer() {
    joinAt(0);
    Block unsealed =
        new Block(
            producer
                .chain
                .header(1)
                .orElseThrow()
                .withExtraData(
                    producer
                        .chain
                        .header(1)
                        .orElseThrow()
                        .qbftExtraData()
                        .withSeals(List.of())
                        .encode()),
            List.of());
    node.sessions.messageReceived(peer, new NewBlock(unsealed, UInt256.valueOf(2)));

    assertThat(peer.disconnectedFor).isEqualTo(EthProtocolViolation.INVALID_BLOCK);
    assertThat(node.head()).isZero();
  }

  @Test
  void announcedHashesOfHigherBlocksStartASync() {
    joinAt(0);
    assertThat(peer.sent).hasSize(1);

    node.sessions.messageReceived(
        peer,
        new NewBlockHashes(
            List.of(new Announcement(producer.chain.header(3).orElseThrow().hash(), 3))));

    assertThat(peer.last(GetBlockHeaders.class))
        .isEqualTo(new GetBlockHeaders(1, new StartBlock.Number(1), 3, 0, false));
    assertThat(node.sync.isSyncing()).isTrue();
  }
}
