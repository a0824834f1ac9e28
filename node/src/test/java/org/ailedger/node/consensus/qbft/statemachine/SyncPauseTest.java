package org.ailedger.node.consensus.qbft.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.types.Address;
import org.junit.jupiter.api.Test;

/**
 * Consensus waits while the node catches up (DESIGN §3, as Besu's BFT mining coordinator stops
 * while syncing): a validator that is behind neither proposes nor votes on heights already decided,
 * and takes part again from the head it synced to.
 */
class SyncPauseTest {
  private final List<KeyPair> keys = QbftFixtures.validatorKeys(4);

  @Test
  void aSyncingValidatorSendsNothingAndResumesAtTheSyncedHead() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    TestValidator lagging = network.node(address(3));
    lagging.queue.offer(new QbftEvent.SyncingChanged(true));
    network.begin();

    // the other three make a quorum; validator 3's turns cost a round change each
    network.runUntilHeight(6, Duration.ofSeconds(60), List.of(address(0), address(1), address(2)));

    assertThat(lagging.controller.syncing()).isTrue();
    assertThat(lagging.controller.round()).isEqualTo(-1);
    assertThat(network.sent).noneMatch(s -> s.from().equals(address(3)));

    // sync imports what the others committed; the chain announces each block as a new head
    for (Block block : network.node(address(0)).chain) {
      lagging.chain.add(block);
      lagging.queue.offer(new QbftEvent.NewChainHead(block.header()));
    }
    lagging.queue.offer(new QbftEvent.SyncingChanged(false));
    network.settle();
    long synced = lagging.headNumber();
    assertThat(lagging.controller.height()).isEqualTo(synced + 1);

    network.runUntilHeight(synced + 4, Duration.ofSeconds(60));
    List<Block> after = lagging.chain.subList((int) synced, (int) synced + 4);
    assertThat(after).anyMatch(b -> b.header().coinbase().equals(address(3)));
    assertThat(after).allMatch(b -> b.header().qbftExtraData().round() == 0);
    assertThat(lagging.chain.get((int) synced + 3).header().hash())
        .isEqualTo(network.node(address(0)).chain.get((int) synced + 3).header().hash());
  }

  @Test
  void messagesForTheNextHeightThatArriveWhileSyncingAreHandledOnResuming() {
    // two live validators and one catching up: the round can only finish if the one catching up
    // takes part with the proposal and prepares it received while it was still syncing
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.stop(address(3));
    TestValidator catchingUp = network.node(address(2));
    catchingUp.queue.offer(new QbftEvent.SyncingChanged(true));
    network.begin();
    network.advance(Duration.ofMillis(1500));
    assertThat(network.sent)
        .anyMatch(s -> s.from().equals(address(0)) && s.to().equals(address(2)));
    assertThat(catchingUp.headNumber()).isZero();

    catchingUp.queue.offer(new QbftEvent.SyncingChanged(false));
    network.settle();

    assertThat(catchingUp.headNumber()).isEqualTo(1);
    assertThat(network.node(address(0)).headNumber()).isEqualTo(1);
    assertThat(catchingUp.chain.get(0).header().qbftExtraData().round()).isZero();
  }

  private Address address(int i) {
    return keys.get(i).address();
  }
}
