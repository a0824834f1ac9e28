package org.ailedger.node.p2p.eth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.ailedger.node.p2p.eth.EthMessage.GetPooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.NewPooledTransactionHashes;
import org.ailedger.node.p2p.eth.EthMessage.Transactions;
import org.ailedger.node.rpc.MutableClock;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Nodes whose gossip is wired to each other through an in-memory network that counts messages. */
class TransactionMeshTest {
  private final Queue<Runnable> inFlight = new ArrayDeque<>();
  private final List<EthMessage> sent = new ArrayList<>();

  /** One node: its pool, its gossip, its request server, and its view of each peer. */
  private final class Node {
    final FakePool pool = new FakePool();
    final TransactionGossip gossip = new TransactionGossip(pool, new MutableClock());
    final EthRequestServer server = new EthRequestServer(new ListChain(0), pool);
    final Map<Node, Link> links = new HashMap<>();

    void receive(Node from, EthMessage message) {
      Link peer = links.get(from);
      if (message instanceof GetPooledTransactions request) {
        peer.send(server.pooledTransactions(request));
      } else {
        gossip.messageReceived(peer, message);
      }
    }
  }

  /** {@code remote} as {@code local} sees it: what local sends it arrives at remote. */
  private final class Link implements EthPeer {
    final Node local;
    final Node remote;

    Link(Node local, Node remote) {
      this.local = local;
      this.remote = remote;
    }

    @Override
    public Bytes nodeId() {
      return Bytes.repeat((byte) 1, 64);
    }

    @Override
    public void send(EthMessage message) {
      sent.add(message);
      inFlight.add(() -> remote.receive(local, message));
    }

    @Override
    public void disconnect(EthProtocolViolation reason) {
      throw new AssertionError("a node disconnected a peer: " + reason);
    }
  }

  private void connect(Node x, Node y) {
    Link toY = new Link(x, y);
    Link toX = new Link(y, x);
    x.links.put(y, toY);
    y.links.put(x, toX);
    x.gossip.peerConnected(toY);
    y.gossip.peerConnected(toX);
  }

  private void deliverAll() {
    while (!inFlight.isEmpty()) {
      inFlight.poll().run();
    }
  }

  private void flushAll(List<Node> nodes) {
    for (Node node : nodes) {
      node.gossip.flush();
    }
  }

  private long count(Class<? extends EthMessage> type) {
    return sent.stream().filter(type::isInstance).count();
  }

  private List<Node> fullMesh(int size) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Node node = new Node();
      nodes.forEach(other -> connect(other, node));
      nodes.add(node);
    }
    return nodes;
  }

  @Test
  void aClientTransactionInAFullMeshOfFourIsSentOnceInFullAndNeverRequested() {
    List<Node> nodes = fullMesh(4);
    Transaction tx = Transfers.transfer(0, false);
    nodes.get(0).pool.add(tx);
    nodes.get(0).gossip.broadcast(tx);

    for (int round = 0; round < 3; round++) {
      flushAll(nodes);
      deliverAll();
    }

    assertThat(nodes).allSatisfy(node -> assertThat(node.pool.pooled).containsKey(tx.hash()));
    assertThat(count(Transactions.class)).isEqualTo(3);
    assertThat(count(GetPooledTransactions.class)).isZero();
    assertThat(count(NewPooledTransactionHashes.class))
        .as("each receiver announces to the two others at most")
        .isLessThanOrEqualTo(6);
  }

  @Test
  void aTransactionAnnouncedToOneNodeOnlyIsFetchedAndReachesEveryPool() {
    List<Node> nodes = fullMesh(4);
    Node outsider = new Node();
    connect(outsider, nodes.get(0));
    Transaction tx = Transfers.transfer(0, true);
    outsider.pool.add(tx);
    outsider.links.get(nodes.get(0)).send(TransactionGossipTest.announcement(tx));

    for (int round = 0; round < 4; round++) {
      deliverAll();
      flushAll(nodes);
    }

    assertThat(nodes).allSatisfy(node -> assertThat(node.pool.pooled).containsKey(tx.hash()));
    assertThat(count(Transactions.class)).as("only ever announced").isZero();
    assertThat(count(GetPooledTransactions.class))
        .as("the first node asks the outsider; the other three ask the first")
        .isEqualTo(4);
    assertThat(nodes).allSatisfy(node -> assertThat(node.gossip.transactionsInFlight()).isZero());
  }
}
