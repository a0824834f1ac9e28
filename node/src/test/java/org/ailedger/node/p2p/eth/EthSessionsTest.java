package org.ailedger.node.p2p.eth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.p2p.eth.EthMessage.BlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetPooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.PooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.StartBlock;
import org.ailedger.node.p2p.eth.EthMessage.Status;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class EthSessionsTest {
  private final ListChain chain = new ListChain(10);
  private final StatusExchange exchange = new StatusExchange(chain);
  private final List<String> followerSaw = new ArrayList<>();
  private final FakePool pool = new FakePool();
  private final EthSessions sessions =
      new EthSessions(
          exchange,
          new EthRequestServer(chain, pool),
          List.of(
              new EthMessages() {
                @Override
                public void peerConnected(EthPeer peer) {
                  followerSaw.add("connected");
                }

                @Override
                public void messageReceived(EthPeer peer, EthMessage message) {
                  followerSaw.add(message.getClass().getSimpleName());
                }

                @Override
                public void peerDisconnected(EthPeer peer) {
                  followerSaw.add("disconnected");
                }
              }));
  private final RecordingPeer peer = new RecordingPeer();
  private final GetBlockHeaders request =
      new GetBlockHeaders(5, new StartBlock.Number(1), 2, 0, false);

  @Test
  void ourStatusGoesOutFirst() {
    sessions.peerConnected(peer);

    assertThat(peer.sent).containsExactly(exchange.localStatus());
  }

  @Test
  void aPeerWithAGoodStatusIsHandedOnAndServed() {
    sessions.peerConnected(peer);
    sessions.messageReceived(peer, exchange.localStatus());
    sessions.messageReceived(peer, request);
    sessions.peerDisconnected(peer);

    assertThat(peer.sent.get(1)).isInstanceOf(BlockHeaders.class);
    assertThat(((BlockHeaders) peer.sent.get(1)).headers()).hasSize(2);
    assertThat(followerSaw).containsExactly("connected", "Status", "disconnected");
    assertThat(peer.disconnectedFor).isNull();
  }

  @Test
  void aMessageBeforeStatusEndsTheSession() {
    sessions.peerConnected(peer);
    sessions.messageReceived(peer, request);

    assertThat(peer.disconnectedFor).isEqualTo(EthProtocolViolation.MESSAGE_BEFORE_STATUS);
    assertThat(peer.sent).hasSize(1);
  }

  @Test
  void aForeignStatusEndsTheSessionUnseenByFollowers() {
    Status local = exchange.localStatus();
    sessions.peerConnected(peer);
    sessions.messageReceived(
        peer,
        new Status(
            68, 1, local.totalDifficulty(), local.bestHash(), local.genesisHash(), local.forkId()));

    assertThat(peer.disconnectedFor).isEqualTo(EthProtocolViolation.NETWORK_ID_MISMATCH);
    assertThat(followerSaw).isEmpty();
  }

  @Test
  void aSecondStatusEndsTheSession() {
    sessions.peerConnected(peer);
    sessions.messageReceived(peer, exchange.localStatus());
    sessions.messageReceived(peer, exchange.localStatus());

    assertThat(peer.disconnectedFor).isEqualTo(EthProtocolViolation.REPEATED_STATUS);
    assertThat(followerSaw).containsExactly("connected", "Status", "disconnected");
  }

  @Test
  void transactionExchangeGoesToTheFollowersAndStrayReceiptsAreDropped() {
    sessions.peerConnected(peer);
    sessions.messageReceived(peer, exchange.localStatus());
    sessions.messageReceived(peer, new EthMessage.Transactions(List.of()));
    sessions.messageReceived(
        peer, new EthMessage.NewPooledTransactionHashes(Bytes.EMPTY, List.of(), List.of()));
    sessions.messageReceived(peer, new EthMessage.PooledTransactions(3, List.of()));
    sessions.messageReceived(peer, new EthMessage.Receipts(4, List.of()));

    assertThat(peer.disconnectedFor).isNull();
    assertThat(peer.sent).hasSize(1);
    assertThat(followerSaw)
        .containsExactly(
            "connected",
            "Status",
            "Transactions",
            "NewPooledTransactionHashes",
            "PooledTransactions");
  }

  @Test
  void getPooledTransactionsIsAnsweredFromThePool() {
    Transaction tx = Transfers.transfer(0, false);
    pool.add(tx);
    sessions.peerConnected(peer);
    sessions.messageReceived(peer, exchange.localStatus());

    sessions.messageReceived(peer, new GetPooledTransactions(8, List.of(tx.hash())));

    assertThat(peer.sent.get(1))
        .isEqualTo(new PooledTransactions(8, List.of(BlockBody.encodeTransaction(tx))));
  }

  @Test
  void sessionsBeyondTheBoundAreTurnedAway() {
    for (int i = 0; i < EthSessions.MAX_SESSIONS; i++) {
      sessions.peerConnected(new RecordingPeer());
    }

    sessions.peerConnected(peer);

    assertThat(peer.disconnectedFor).isEqualTo(EthProtocolViolation.TOO_MANY_PEERS);
    assertThat(peer.sent).isEmpty();
  }
}
