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
import org.ailedger.node.consensus.qbft.message.Prepare;
import org.ailedger.node.consensus.qbft.message.QbftMessage;
import org.ailedger.node.consensus.qbft.message.QbftMessageCodec;
import org.ailedger.node.consensus.qbft.message.RoundChange;
import org.ailedger.node.consensus.qbft.message.RoundChangeCertificate;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * What a validator does with messages that are early, repeated, forged or from outside the set. The
 * genesis coinbase is zero, so validator r (sorted) proposes round r of height 1 and validator 1
 * proposes round 0 of height 2.
 */
class MessageHandlingTest {
  private final List<KeyPair> keys = QbftFixtures.validatorKeys(4);
  private final KeyPair outsider = DevAccounts.validator(9);
  private final QbftMessageCodec codec = new QbftMessageCodec(QbftFixtures.SECP);

  @Test
  void messagesForTheNextHeightAreHeldAndHandledOnceTheNodeGetsThere() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    Address late = address(3);
    network.drop(s -> s.to().equals(late) && heightOf(s) == 1);
    network.begin();
    network.runUntilHeight(1, Duration.ofSeconds(5), List.of(address(0), address(1), address(2)));
    TestValidator lateNode = network.node(late);
    assertThat(lateNode.chain).isEmpty();

    // the others start height 2; validator 1 proposes and its proposal reaches the late node
    network.advance(Duration.ofMillis(1100));
    assertThat(sentBy(network, late, 2)).isEmpty();

    // the late node syncs block 1 and at once answers the held proposal with its prepare
    Block block1 = network.node(address(0)).chain.get(0);
    lateNode.chain.add(block1);
    lateNode.queue.offer(new QbftEvent.NewChainHead(block1.header()));
    network.settle();

    assertThat(sentBy(network, late, 2)).anyMatch(m -> m instanceof Prepare);
  }

  @Test
  void messagesForALaterRoundWaitInThatRound() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.begin();
    TestValidator node = network.node(address(2));
    RoundId round1 = new RoundId(1, 1);
    // before round 0 even started, prepares and commits for round 1 arrive
    Block block = QbftFixtures.proposal(node.head(), 1, address(1));
    for (int i : new int[] {0, 1, 3}) {
      MessageFactory f = factory(keys.get(i));
      deliver(network, node, keys.get(i), f.prepare(round1, block.header().committedSealHash()));
      deliver(network, node, keys.get(i), f.commit(round1, block));
    }
    assertThat(node.chain).isEmpty();

    // then round 1's proposal with a quorum of round changes: the held messages complete it
    RoundChangeCertificate certificate =
        new RoundChangeCertificate(
            List.of(0, 1, 3).stream()
                .map(i -> factory(keys.get(i)).roundChange(round1, Optional.empty()).signed())
                .toList(),
            List.of());
    deliver(network, node, keys.get(1), factory(keys.get(1)).proposal(round1, block, certificate));

    assertThat(node.chain).hasSize(1);
    assertThat(node.chain.get(0).header().qbftExtraData().round()).isEqualTo(1);
  }

  @Test
  void aRepeatedMessageIsHandledAndGossipedOnce() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.begin();
    TestValidator node = network.node(address(2));
    RoundChange change = factory(keys.get(0)).roundChange(new RoundId(1, 1), Optional.empty());

    deliver(network, node, keys.get(0), change);
    deliver(network, node, keys.get(0), change);
    deliver(network, node, keys.get(3), change);

    // gossiped to validators 1 and 3 only: not back to its author, who also sent it
    assertThat(network.sent)
        .filteredOn(s -> s.from().equals(address(2)) && s.data().equals(change.encode()))
        .extracting(InMemoryNetwork.Sent::to)
        .containsExactlyInAnyOrder(address(1), address(3));
  }

  @Test
  void forgedAndOutsideMessagesAreNeitherCountedNorGossiped() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.begin();
    TestValidator proposerOfRound1 = network.node(address(1));
    RoundId round1 = new RoundId(1, 1);

    // round changes for round 1: one by a validator, two by a key outside the set, and one
    // whose signature was tampered with
    RoundChange genuine = factory(keys.get(0)).roundChange(round1, Optional.empty());
    RoundChange outside = factory(outsider).roundChange(round1, Optional.empty());
    Bytes forged = tamper(factory(keys.get(3)).roundChange(round1, Optional.empty()).encode());
    deliver(network, proposerOfRound1, keys.get(0), genuine);
    deliver(network, proposerOfRound1, outsider, outside);
    proposerOfRound1.queue.offer(
        new QbftEvent.MessageReceived(address(3), MessageCodes.ROUND_CHANGE, forged));
    network.settle();

    assertThat(proposerOfRound1.controller.round()).isEqualTo(-1);
    assertThat(network.sent).noneMatch(s -> s.code() == MessageCodes.PROPOSAL);
    assertThat(network.sent)
        .filteredOn(s -> s.from().equals(address(1)))
        .extracting(InMemoryNetwork.Sent::data)
        .containsOnly(genuine.encode());
    // only the peer that sent the tampered signature is reported; an outsider may be honest
    assertThat(network.reported)
        .extracting(InMemoryNetwork.Reported::by, InMemoryNetwork.Reported::peer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(address(1), address(3)));
  }

  @Test
  void aPeerSendingBytesThatAreNoQbftMessageIsReported() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.begin();
    TestValidator node = network.node(address(1));

    node.queue.offer(
        new QbftEvent.MessageReceived(
            address(2), MessageCodes.PREPARE, Bytes.fromHexString("0xc3010203")));
    network.settle();

    assertThat(network.reported)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.peer()).isEqualTo(address(2));
              assertThat(r.reason()).startsWith("malformed QBFT message");
            });
  }

  @Test
  void roundsAboveOneThousandAreRefused() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    // the others only sign: live, they would join round 1000 too (f+1) and commit a block there
    network.stop(address(0));
    network.stop(address(1));
    network.stop(address(3));
    network.begin();
    TestValidator node = network.node(address(2));

    // a quorum of round changes for round 1000 moves the node there
    for (int i : new int[] {0, 1, 3}) {
      deliver(
          network,
          node,
          keys.get(i),
          factory(keys.get(i)).roundChange(new RoundId(1, 1000), Optional.empty()));
    }
    assertThat(node.controller.round()).isEqualTo(1000);

    // round 1001 is out of range, whether asked for by peers or by the node's own timer
    for (int i : new int[] {0, 1, 3}) {
      deliver(
          network,
          node,
          keys.get(i),
          factory(keys.get(i)).roundChange(new RoundId(1, 1001), Optional.empty()));
    }
    node.queue.offer(new QbftEvent.RoundTimerExpired(new RoundId(1, 1000)));
    network.settle();

    assertThat(node.controller.round()).isEqualTo(1000);
    assertThat(network.sent)
        .filteredOn(s -> s.from().equals(address(2)) && s.code() == MessageCodes.ROUND_CHANGE)
        .noneMatch(s -> roundOf(s) > 1000);
  }

  @Test
  void messagesForOldHeightsAndTooFarAheadAreDropped() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.begin();
    network.runUntilHeight(1, Duration.ofSeconds(5));
    TestValidator node = network.node(address(2));
    int before = network.sent.size();

    deliver(
        network,
        node,
        keys.get(0),
        factory(keys.get(0)).roundChange(new RoundId(1, 1), Optional.empty()));
    deliver(
        network,
        node,
        keys.get(0),
        factory(keys.get(0)).roundChange(new RoundId(13, 1), Optional.empty()));

    assertThat(network.sent.subList(before, network.sent.size()))
        .noneMatch(s -> s.from().equals(address(2)) && s.code() == MessageCodes.ROUND_CHANGE);
  }

  private void deliver(InMemoryNetwork network, TestValidator node, KeyPair from, QbftMessage m) {
    node.queue.offer(new QbftEvent.MessageReceived(from.address(), m.code(), m.encode()));
    network.settle();
  }

  private MessageFactory factory(KeyPair key) {
    return new MessageFactory(key, QbftFixtures.SECP);
  }

  private Address address(int i) {
    return keys.get(i).address();
  }

  private List<QbftMessage> sentBy(InMemoryNetwork network, Address from, long height) {
    return network.sent.stream()
        .filter(s -> s.from().equals(from))
        .map(s -> ((MessageDecoding.Decoded) codec.decode(s.code(), s.data())).message())
        .filter(m -> m.roundId().height() == height && m.author().equals(Optional.of(from)))
        .toList();
  }

  private long heightOf(InMemoryNetwork.Sent s) {
    return ((MessageDecoding.Decoded) codec.decode(s.code(), s.data()))
        .message()
        .roundId()
        .height();
  }

  private int roundOf(InMemoryNetwork.Sent s) {
    return ((MessageDecoding.Decoded) codec.decode(s.code(), s.data())).message().roundId().round();
  }

  /** Flips a bit of the signature's r, so it recovers some other key or none. */
  private static Bytes tamper(Bytes roundChange) {
    byte[] bytes = roundChange.toArray();
    // [[payload(4 bytes: c3 01 01 c0), sig]...]: r starts after the list and payload headers
    int rStart = 2 + 2 + 4 + 2;
    bytes[rStart] ^= 0x01;
    return Bytes.wrap(bytes);
  }
}
