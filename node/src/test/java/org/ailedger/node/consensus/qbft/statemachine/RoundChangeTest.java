package org.ailedger.node.consensus.qbft.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.consensus.qbft.message.MessageCodes;
import org.ailedger.node.consensus.qbft.message.MessageDecoding;
import org.ailedger.node.consensus.qbft.message.MessageFactory;
import org.ailedger.node.consensus.qbft.message.Proposal;
import org.ailedger.node.consensus.qbft.message.QbftMessage;
import org.ailedger.node.consensus.qbft.message.QbftMessageCodec;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.types.Address;
import org.junit.jupiter.api.Test;

/** Round changes on four validators; the genesis coinbase is zero, so round r's proposer is r. */
class RoundChangeTest {
  private final List<KeyPair> keys = QbftFixtures.validatorKeys(4);
  private final QbftMessageCodec codec = new QbftMessageCodec(QbftFixtures.SECP);

  @Test
  void deadProposerCostsOneRoundAndTheNextProposerCommits() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.stop(address(0));
    network.begin();

    network.runUntilHeight(1, Duration.ofSeconds(10));

    for (TestValidator node : network.live()) {
      Block block = node.chain.get(0);
      assertThat(block.header().qbftExtraData().round()).isEqualTo(1);
      assertThat(block.header().coinbase()).isEqualTo(address(1));
    }
    Proposal roundOne = proposals(network).get(0);
    assertThat(roundOne.roundId().round()).isEqualTo(1);
    assertThat(roundOne.certificate().roundChanges()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(roundOne.certificate().prepares()).isEmpty();
  }

  @Test
  void aPreparedBlockIsProposedAgainInTheNextRoundWithItsCoinbase() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    // round 0 gets prepared everywhere but its commits are lost
    network.drop(s -> s.code() == MessageCodes.COMMIT && roundOf(s) == 0);
    network.begin();
    network.advance(Duration.ofMillis(2000)); // block timer at +1.5 s, round 0 expires at +2.5 s
    assertThat(network.live()).allMatch(n -> n.controller.round() == 0 && n.chain.isEmpty());

    network.runUntilHeight(1, Duration.ofSeconds(10));

    Proposal reProposal =
        proposals(network).stream().filter(p -> p.roundId().round() == 1).findFirst().orElseThrow();
    Proposal original =
        proposals(network).stream().filter(p -> p.roundId().round() == 0).findFirst().orElseThrow();
    assertThat(reProposal.author()).contains(address(1));
    assertThat(reProposal.block().header().coinbase()).isEqualTo(address(0));
    assertThat(reProposal.block().header().committedSealHash(0))
        .isEqualTo(original.block().header().committedSealHash());
    assertThat(reProposal.certificate().prepares()).hasSizeGreaterThanOrEqualTo(3);
    for (TestValidator node : network.live()) {
      Block block = node.chain.get(0);
      assertThat(block.header().coinbase()).isEqualTo(address(0));
      assertThat(block.header().qbftExtraData().round()).isEqualTo(1);
    }
  }

  @Test
  void withTwoOfFourValidatorsDownTheChainDoesNotMove() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.stop(address(2));
    network.stop(address(3));
    network.begin();

    network.advance(Duration.ofSeconds(60));

    assertThat(network.live()).allMatch(n -> n.chain.isEmpty());
    assertThat(network.live()).allMatch(n -> n.controller.round() >= 4);
  }

  @Test
  void aRestartedValidatorRejoinsAtTheHeadItSynced() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.begin();
    network.runUntilHeight(2, Duration.ofSeconds(10));
    network.stop(address(3));
    // three of four still make a quorum; validator 3's turns as proposer cost a round change
    network.runUntilHeight(5, Duration.ofSeconds(60));

    List<Block> synced = List.copyOf(network.node(address(0)).chain);
    TestValidator restarted = network.restart(address(3), synced);
    long height = synced.size();
    network.runUntilHeight(height + 4, Duration.ofSeconds(60));

    assertThat(restarted.chain).hasSizeGreaterThanOrEqualTo((int) height + 4);
    assertThat(restarted.refused).isEmpty();
    assertThat(restarted.chain.get((int) height + 3).header().hash())
        .isEqualTo(network.node(address(0)).chain.get((int) height + 3).header().hash());
    // validator 3 proposed again after the restart
    assertThat(restarted.chain.subList((int) height, (int) height + 4))
        .anyMatch(b -> b.header().coinbase().equals(address(3)));
  }

  @Test
  void fPlusOneRoundChangesForALaterRoundMoveANodeThereAndFewerDoNot() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.stop(address(0));
    network.stop(address(1));
    network.stop(address(3));
    network.begin();
    network.advance(Duration.ofMillis(1600)); // the block timer fired at +1.5 s: round 0
    TestValidator node = network.node(address(2));
    MessageFactory zero = new MessageFactory(keys.get(0), QbftFixtures.SECP);
    MessageFactory one = new MessageFactory(keys.get(1), QbftFixtures.SECP);

    deliver(network, node, address(0), zero.roundChange(new RoundId(1, 5), Optional.empty()));
    assertThat(node.controller.round()).as("one validator may be faulty").isZero();
    deliver(network, node, address(1), one.roundChange(new RoundId(1, 4), Optional.empty()));

    // f+1 = 2 are at round 4 or above: at least one honest validator is
    assertThat(node.controller.round()).isEqualTo(4);
    assertThat(network.sent)
        .filteredOn(s -> s.code() == MessageCodes.ROUND_CHANGE && authorOf(s).equals(address(2)))
        .extracting(this::roundOf)
        .containsOnly(4);
  }

  @Test
  void validatorsBackFromALongOutageJoinTheSurvivorsRoundWithoutWaitingForItsTimer() {
    InMemoryNetwork network = InMemoryNetwork.of(4); // round r lasts 2^r s
    network.stop(address(2));
    network.stop(address(3));
    network.begin();
    network.advance(Duration.ofSeconds(10)); // rounds 0, 1, 2 expired after 0.5 + 1 + 2 + 4 s
    assertThat(network.live()).allMatch(n -> n.controller.round() == 3);

    // both come back at round 0 of the same height, while round 3 has about 5 s left
    network.restart(address(2), List.of());
    network.restart(address(3), List.of());
    network.runUntilHeight(1, Duration.ofSeconds(1));

    for (TestValidator node : network.nodes.values()) {
      assertThat(node.chain.get(0).header().qbftExtraData().round()).isEqualTo(3);
      assertThat(node.chain.get(0).header().hash())
          .isEqualTo(network.node(address(0)).chain.get(0).header().hash());
    }
    assertThat(network.node(address(0)).chain.get(0).header().coinbase()).isEqualTo(address(3));
  }

  @Test
  void roundTimerDoublesEachRound() {
    InMemoryNetwork network =
        new InMemoryNetwork(
            keys, QbftFixtures.genesis(QbftFixtures.addresses(keys)), InMemoryNetwork.config(1, 2));
    network.stop(address(0));
    network.stop(address(1));
    network.begin();

    network.advance(
        Duration.ofMillis(1500)); // block timer: genesis + 1 s, the clock starts 0.5 s before
    TestValidator survivor = network.node(address(2));
    assertThat(survivor.controller.round()).isZero();
    network.advance(Duration.ofMillis(2000));
    assertThat(survivor.controller.round()).isEqualTo(1);
    network.advance(Duration.ofMillis(3999));
    assertThat(survivor.controller.round()).isEqualTo(1);
    network.advance(Duration.ofMillis(1));
    assertThat(survivor.controller.round()).isEqualTo(2);
    network.advance(Duration.ofMillis(8000));
    assertThat(survivor.controller.round()).isEqualTo(3);

    assertThat(network.scheduler.history())
        .containsSubsequence(
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16));
    assertThat(survivor.chain).isEmpty();
  }

  @Test
  void roundTimeoutIsRequestTimeoutTimesTwoToTheRoundWithoutOverflow() {
    QbftConfig config = InMemoryNetwork.config(1, 5);

    assertThat(config.roundTimeout(0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.roundTimeout(10)).isEqualTo(Duration.ofSeconds(5 * 1024));
    assertThat(config.roundTimeout(1000)).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
  }

  private static void deliver(
      InMemoryNetwork network, TestValidator node, Address from, QbftMessage message) {
    node.queue.offer(new QbftEvent.MessageReceived(from, message.code(), message.encode()));
    network.settle();
  }

  private Address address(int i) {
    return keys.get(i).address();
  }

  private int roundOf(InMemoryNetwork.Sent sent) {
    return ((MessageDecoding.Decoded) codec.decode(sent.code(), sent.data()))
        .message()
        .roundId()
        .round();
  }

  private Address authorOf(InMemoryNetwork.Sent sent) {
    return ((MessageDecoding.Decoded) codec.decode(sent.code(), sent.data()))
        .message()
        .author()
        .orElseThrow();
  }

  private List<Proposal> proposals(InMemoryNetwork network) {
    return network.sent.stream()
        .filter(s -> s.code() == MessageCodes.PROPOSAL)
        .map(s -> codec.decode(s.code(), s.data()))
        .map(d -> (Proposal) ((MessageDecoding.Decoded) d).message())
        .distinct()
        .toList();
  }
}
