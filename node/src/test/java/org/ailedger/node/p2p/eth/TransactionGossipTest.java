package org.ailedger.node.p2p.eth;

import static org.ailedger.node.p2p.eth.Transfers.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.p2p.eth.EthMessage.GetPooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.NewPooledTransactionHashes;
import org.ailedger.node.p2p.eth.EthMessage.PooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.Transactions;
import org.ailedger.node.rpc.MutableClock;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class TransactionGossipTest {
  private final FakePool pool = new FakePool();
  private final MutableClock clock = new MutableClock();
  private final TransactionGossip gossip = new TransactionGossip(pool, clock);
  private final RecordingPeer a = new RecordingPeer();
  private final RecordingPeer b = new RecordingPeer();
  private final RecordingPeer c = new RecordingPeer();

  private void connectAll() {
    gossip.peerConnected(a);
    gossip.peerConnected(b);
    gossip.peerConnected(c);
  }

  static NewPooledTransactionHashes announcement(Transaction... txs) {
    byte[] types = new byte[txs.length];
    for (int i = 0; i < txs.length; i++) {
      types[i] = (byte) TransactionFetcher.typeOf(txs[i]);
    }
    return new NewPooledTransactionHashes(
        Bytes.wrap(types),
        java.util.Arrays.stream(txs).map(tx -> (long) tx.encoded().size()).toList(),
        java.util.Arrays.stream(txs).map(Transaction::hash).toList());
  }

  private static PooledTransactions answer(long requestId, Transaction... txs) {
    return new PooledTransactions(
        requestId, java.util.Arrays.stream(txs).map(BlockBody::encodeTransaction).toList());
  }

  private static GetPooledTransactions request(RecordingPeer peer) {
    return (GetPooledTransactions) peer.sent.getLast();
  }

  @Test
  void clientTransactionsReachEveryPeerInFullInBatches() {
    gossip.peerConnected(a);
    gossip.peerConnected(b);
    for (int i = 0; i < TransactionGossip.MAX_PER_MESSAGE + 5; i++) {
      gossip.broadcast(transfer(i, i % 2 == 0));
    }

    gossip.flush();

    assertThat(a.sent).hasSize(2);
    assertThat(b.sent).hasSize(2);
    assertThat(((Transactions) a.sent.get(0)).transactions())
        .hasSize(TransactionGossip.MAX_PER_MESSAGE);
    assertThat(((Transactions) a.sent.get(1)).transactions()).hasSize(5);
    gossip.flush();
    assertThat(a.sent).as("nothing is sent twice").hasSize(2);
  }

  @Test
  void aPeersTransactionsArePooledAndAnnouncedToTheOtherPeersButNotBack() {
    connectAll();
    Transaction legacy = transfer(0, true);
    Transaction typed = transfer(1, false);

    gossip.messageReceived(
        a,
        new Transactions(
            List.of(
                BlockBody.encodeTransaction(legacy),
                Bytes.fromHexString("0x820102"),
                Bytes.fromHexString("0x8102"),
                BlockBody.encodeTransaction(typed))));
    gossip.flush();

    assertThat(pool.submitted).containsExactly(legacy, typed);
    assertThat(a.sent).isEmpty();
    assertThat(a.disconnectedFor).isNull();
    NewPooledTransactionHashes expected = announcement(legacy, typed);
    assertThat(expected.types()).isEqualTo(Bytes.fromHexString("0x0002"));
    assertThat(b.sent).containsExactly(expected);
    assertThat(c.sent).containsExactly(expected);
    gossip.flush();
    assertThat(b.sent).as("announced once").hasSize(1);
  }

  @Test
  void aTransactionThePoolAlreadyHadIsNotAnnouncedOnward() {
    connectAll();
    Transaction tx = transfer(0, false);
    pool.add(tx);

    gossip.messageReceived(a, new Transactions(List.of(BlockBody.encodeTransaction(tx))));
    gossip.flush();

    assertThat(b.sent).isEmpty();
    assertThat(c.sent).isEmpty();
  }

  @Test
  void aPeerThatAnnouncedATransactionIsNotAnnouncedItBack() {
    connectAll();
    Transaction tx = transfer(0, false);
    gossip.messageReceived(b, announcement(tx));

    gossip.messageReceived(a, new Transactions(List.of(BlockBody.encodeTransaction(tx))));
    gossip.flush();

    assertThat(b.sent).as("only the request b's announcement caused").hasSize(1);
    assertThat(c.sent).containsExactly(announcement(tx));
  }

  @Test
  void announcedHashesThePoolLacksAreRequestedFromTheAnnouncer() {
    connectAll();
    Transaction pooled = transfer(0, false);
    Transaction first = transfer(1, true);
    Transaction second = transfer(2, false);
    pool.add(pooled);

    gossip.messageReceived(a, announcement(pooled, first, second));

    assertThat(a.sent).hasSize(1);
    assertThat(request(a).hashes()).containsExactly(first.hash(), second.hash());
    assertThat(b.sent).isEmpty();
    assertThat(gossip.transactionsInFlight()).isEqualTo(2);
  }

  @Test
  void announcedTransactionsOfATypeThisChainLacksAreNotRequested() {
    gossip.peerConnected(a);
    Transaction tx = transfer(0, false);

    gossip.messageReceived(
        a,
        new NewPooledTransactionHashes(
            Bytes.of(3), List.of((long) tx.encoded().size()), List.of(tx.hash())));

    assertThat(a.sent).isEmpty();
  }

  @Test
  void aHashAskedOfOnePeerIsNotAskedOfAnotherUntilTheRequestTimesOut() {
    connectAll();
    Transaction tx = transfer(0, false);
    gossip.messageReceived(a, announcement(tx));

    gossip.messageReceived(b, announcement(tx));
    assertThat(b.sent).isEmpty();

    clock.advance(TransactionFetcher.REQUEST_TIMEOUT);
    gossip.messageReceived(c, announcement(tx));
    assertThat(request(c).hashes()).containsExactly(tx.hash());
    assertThat(a.disconnectedFor).as("a slow peer is not punished").isNull();
  }

  @Test
  void aHashIsAskedOfAnotherAnnouncerOnceItsPeerLeaves() {
    connectAll();
    Transaction tx = transfer(0, false);
    gossip.messageReceived(a, announcement(tx));

    gossip.peerDisconnected(a);
    gossip.messageReceived(b, announcement(tx));

    assertThat(request(b).hashes()).containsExactly(tx.hash());
  }

  @Test
  void theAnswerIsPooledAndAnnouncedToTheOtherPeersButNotBack() {
    connectAll();
    Transaction tx = transfer(0, false);
    gossip.messageReceived(a, announcement(tx));

    gossip.messageReceived(a, answer(request(a).requestId(), tx));
    gossip.flush();

    assertThat(pool.pooled).containsKey(tx.hash());
    assertThat(a.sent).hasSize(1);
    assertThat(b.sent).containsExactly(announcement(tx));
    assertThat(c.sent).containsExactly(announcement(tx));
    assertThat(gossip.transactionsInFlight()).isZero();
  }

  @Test
  void anAnswerMaySkipTransactionsWhichCanThenBeAskedOfOthers() {
    connectAll();
    Transaction tx = transfer(0, false);
    gossip.messageReceived(a, announcement(tx));

    gossip.messageReceived(a, answer(request(a).requestId()));
    gossip.messageReceived(b, announcement(tx));

    assertThat(a.disconnectedFor).isNull();
    assertThat(request(b).hashes()).containsExactly(tx.hash());
  }

  @Test
  void anAnswerToNoRequestEndsTheSession() {
    gossip.peerConnected(a);

    gossip.messageReceived(a, answer(7, transfer(0, false)));

    assertThat(a.disconnectedFor).isEqualTo(EthProtocolViolation.UNSOLICITED_RESPONSE);
    assertThat(pool.submitted).isEmpty();
  }

  @Test
  void aLateAnswerOrOneToAnotherPeersRequestIsDropped() {
    connectAll();
    Transaction tx = transfer(0, false);
    gossip.messageReceived(a, announcement(tx));
    long id = request(a).requestId();

    gossip.messageReceived(b, answer(id, tx));
    gossip.messageReceived(a, answer(id, tx));
    gossip.messageReceived(a, answer(id, tx));

    assertThat(a.disconnectedFor).isNull();
    assertThat(b.disconnectedFor).isNull();
    assertThat(pool.submitted).as("only a's first answer counts").containsExactly(tx);
  }

  @Test
  void anAnswerCarryingATransactionNotAskedEndsTheSession() {
    gossip.peerConnected(a);
    Transaction asked = transfer(0, false);
    Transaction other = transfer(1, false);
    gossip.messageReceived(a, announcement(asked));

    gossip.messageReceived(a, answer(request(a).requestId(), asked, other));

    assertThat(a.disconnectedFor).isEqualTo(EthProtocolViolation.MISMATCHED_RESPONSE);
    assertThat(pool.submitted).isEmpty();
  }

  @Test
  void anAnswerWhoseTypeOrSizeDiffersFromTheAnnouncementEndsTheSession() {
    RecordingPeer wrongType = new RecordingPeer();
    RecordingPeer wrongSize = new RecordingPeer();
    gossip.peerConnected(wrongType);
    gossip.peerConnected(wrongSize);
    Transaction typed = transfer(0, false);
    Transaction other = transfer(1, false);
    long size = typed.encoded().size();
    gossip.messageReceived(
        wrongType,
        new NewPooledTransactionHashes(Bytes.of(1), List.of(size), List.of(typed.hash())));
    gossip.messageReceived(
        wrongSize,
        new NewPooledTransactionHashes(Bytes.of(2), List.of(size + 1), List.of(other.hash())));

    gossip.messageReceived(wrongType, answer(request(wrongType).requestId(), typed));
    gossip.messageReceived(wrongSize, answer(request(wrongSize).requestId(), other));

    assertThat(wrongType.disconnectedFor).isEqualTo(EthProtocolViolation.MISMATCHED_RESPONSE);
    assertThat(wrongSize.disconnectedFor).isEqualTo(EthProtocolViolation.MISMATCHED_RESPONSE);
    assertThat(pool.submitted).isEmpty();
  }

  @Test
  void requestsHoldAtMostTheSpecsSoftLimitOfHashes() {
    gossip.peerConnected(a);
    Transaction[] txs = new Transaction[TransactionFetcher.MAX_HASHES_PER_REQUEST + 1];
    for (int i = 0; i < txs.length; i++) {
      txs[i] = transfer(i, false);
    }

    gossip.messageReceived(a, announcement(txs));

    assertThat(a.sent).hasSize(2);
    assertThat(((GetPooledTransactions) a.sent.get(0)).hashes())
        .hasSize(TransactionFetcher.MAX_HASHES_PER_REQUEST);
    assertThat(((GetPooledTransactions) a.sent.get(1)).hashes()).hasSize(1);
  }

  @Test
  void aDisconnectedPeerIsNoLongerSentTo() {
    gossip.peerConnected(a);
    gossip.peerDisconnected(a);
    gossip.broadcast(transfer(0, false));

    gossip.flush();

    assertThat(a.sent).isEmpty();
  }
}
