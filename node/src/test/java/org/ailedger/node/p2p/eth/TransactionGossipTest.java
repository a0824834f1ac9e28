package org.ailedger.node.p2p.eth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.p2p.eth.EthMessage.Transactions;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class TransactionGossipTest {
  private final TransactionSigner signer = new TransactionSigner(new BouncyCastleSecp256k1());
  private final List<Transaction> pooled = new ArrayList<>();
  private final TransactionGossip gossip = new TransactionGossip(pooled::add);

  private Transaction transfer(long nonce, boolean legacy) {
    UnsignedTransaction unsigned =
        legacy
            ? UnsignedTransaction.legacy(
                nonce, UInt256.ZERO, 21_000, Address.of(0x99), UInt256.ONE, Bytes.EMPTY)
            : UnsignedTransaction.eip1559(
                nonce,
                UInt256.ZERO,
                UInt256.ZERO,
                21_000,
                Address.of(0x99),
                UInt256.ONE,
                Bytes.EMPTY,
                List.of());
    return signer.sign(unsigned, 1337, DevAccounts.account(10));
  }

  @Test
  void clientTransactionsReachEveryPeerInBatches() {
    RecordingPeer a = new RecordingPeer();
    RecordingPeer b = new RecordingPeer();
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
  void aPeersTransactionsGoToThePoolAndNotBackOut() {
    RecordingPeer peer = new RecordingPeer();
    gossip.peerConnected(peer);
    Transaction legacy = transfer(0, true);
    Transaction typed = transfer(1, false);

    gossip.messageReceived(
        peer,
        new Transactions(
            List.of(
                BlockBody.encodeTransaction(legacy),
                Bytes.fromHexString("0x820102"),
                Bytes.fromHexString("0x8102"),
                BlockBody.encodeTransaction(typed))));
    gossip.flush();

    assertThat(pooled).containsExactly(legacy, typed);
    assertThat(peer.sent).isEmpty();
    assertThat(peer.disconnectedFor).isNull();
  }

  @Test
  void aDisconnectedPeerIsNoLongerSentTo() {
    RecordingPeer peer = new RecordingPeer();
    gossip.peerConnected(peer);
    gossip.peerDisconnected(peer);
    gossip.broadcast(transfer(0, false));

    gossip.flush();

    assertThat(peer.sent).isEmpty();
  }
}
