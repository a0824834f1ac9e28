package org.ailedger.node.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.BlockAdded;
import org.ailedger.node.p2p.eth.EthMessage;
import org.ailedger.node.p2p.eth.EthMessage.Announcement;
import org.ailedger.node.p2p.eth.EthMessage.NewBlock;
import org.ailedger.node.p2p.eth.EthMessage.NewBlockHashes;
import org.ailedger.node.p2p.eth.ListChain;
import org.ailedger.node.p2p.eth.StatusExchange;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class BlockPropagatorTest {
  private final ListChain chain = new ListChain(10);
  private final AtomicBoolean syncing = new AtomicBoolean();
  private final BlockPropagator propagator =
      new BlockPropagator(new StatusExchange(chain), syncing::get);
  private final ScriptedPeer first = new ScriptedPeer();
  private final ScriptedPeer second = new ScriptedPeer();
  private final Block block = chain.block(10).orElseThrow();

  BlockPropagatorTest() {
    propagator.peerConnected(first);
    propagator.peerConnected(second);
  }

  private void added(Block b) {
    propagator.blockAdded(new BlockAdded(b, List.of()));
  }

  @Test
  void aNewHeadGoesToEveryPeerAsNewBlockWithItsTotalDifficulty() {
    added(block);

    NewBlock expected = new NewBlock(block, UInt256.valueOf(11));
    assertThat(first.sent).containsExactly(expected);
    assertThat(second.sent).containsExactly(expected);
  }

  @Test
  void aBlockIsNotSentBackToThePeerItCameFromOrThatAnnouncedIt() {
    propagator.messageReceived(first, new NewBlock(block, UInt256.valueOf(11)));
    propagator.messageReceived(
        second, new NewBlockHashes(List.of(new Announcement(block.header().hash(), 10))));

    added(block);

    assertThat(first.sent).isEmpty();
    assertThat(second.sent).isEmpty();
  }

  @Test
  void aBlockGoesToEachPeerOnce() {
    added(block);
    added(block);

    assertThat(first.sent).hasSize(1);
  }

  @Test
  void nothingIsAnnouncedWhileSyncingNorToADisconnectedPeer() {
    syncing.set(true);
    added(chain.block(9).orElseThrow());
    syncing.set(false);
    propagator.peerDisconnected(second);
    added(block);

    assertThat(first.sent).extracting(EthMessage::code).containsExactly(0x07);
    assertThat(second.sent).isEmpty();
  }
}
