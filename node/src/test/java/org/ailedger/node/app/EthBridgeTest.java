package org.ailedger.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.p2p.eth.EthMessage;
import org.ailedger.node.p2p.eth.EthMessages;
import org.ailedger.node.p2p.eth.EthPeer;
import org.ailedger.node.p2p.eth.EthProtocol;
import org.ailedger.node.p2p.rlpx.PeerConnection;
import org.ailedger.node.p2p.rlpx.SendResult;
import org.ailedger.node.p2p.wire.Capability;
import org.ailedger.node.p2p.wire.DisconnectReason;
import org.ailedger.node.p2p.wire.HelloMessage;
import org.ailedger.node.p2p.wire.SharedCapability;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A burst larger than the eth worker can take drops messages, never the peer that sent them, and
 * one peer's flood leaves room for the others.
 */
class EthBridgeTest {
  /** An eth/68 Transactions message with no transactions: decodes, asks nothing. */
  private static final Bytes NO_TRANSACTIONS = Bytes.fromHexString("0xc0");

  private final Worker sessions = new Worker();
  private final EthBridge bridge = new EthBridge(sessions);

  @AfterEach
  void close() {
    sessions.release.countDown();
    bridge.close();
  }

  @Test
  void aFloodingPeerLosesItsExcessMessagesAndStaysConnected() throws Exception {
    FakeConnection flooder = new FakeConnection();
    FakeConnection other = new FakeConnection();
    bridge.onConnected(flooder);
    bridge.onConnected(other);
    occupyTheWorker(flooder);

    int burst = EthBridge.MAX_PEER_BACKLOG + 500;
    for (int i = 0; i < burst; i++) {
      bridge.onMessage(flooder, EthProtocol.TRANSACTIONS, NO_TRANSACTIONS);
    }
    for (int i = 0; i < 10; i++) {
      bridge.onMessage(other, EthProtocol.TRANSACTIONS, NO_TRANSACTIONS);
    }
    bridge.onDisconnected(flooder);
    sessions.release.countDown();

    assertThat(sessions.disconnected.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(sessions.received(flooder)).isEqualTo(1 + EthBridge.MAX_PEER_BACKLOG);
    awaitReceived(other, 10);
    assertThat(bridge.droppedMessages()).isEqualTo(500);
    assertThat(flooder.disconnectedWith).isNull();
    assertThat(other.disconnectedWith).isNull();
  }

  @Test
  void theWholeBacklogIsBoundedAcrossPeers() throws Exception {
    int peers = EthBridge.MAX_BACKLOG / EthBridge.MAX_PEER_BACKLOG + 2;
    List<FakeConnection> connections =
        java.util.stream.Stream.generate(FakeConnection::new).limit(peers).toList();
    connections.forEach(bridge::onConnected);
    occupyTheWorker(connections.get(0));

    for (FakeConnection c : connections) {
      for (int i = 0; i < EthBridge.MAX_PEER_BACKLOG; i++) {
        bridge.onMessage(c, EthProtocol.TRANSACTIONS, NO_TRANSACTIONS);
      }
    }
    long accepted = (long) peers * EthBridge.MAX_PEER_BACKLOG - bridge.droppedMessages();
    assertThat(accepted).isEqualTo(EthBridge.MAX_BACKLOG);

    // a connection's end still gets through a full backlog
    FakeConnection last = connections.get(peers - 1);
    bridge.onDisconnected(last);
    sessions.release.countDown();
    assertThat(sessions.disconnected.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(connections).allMatch(c -> c.disconnectedWith == null);
  }

  private void occupyTheWorker(FakeConnection peer) throws InterruptedException {
    bridge.onMessage(peer, EthProtocol.TRANSACTIONS, NO_TRANSACTIONS);
    assertThat(sessions.busy.await(10, TimeUnit.SECONDS)).isTrue();
  }

  private void awaitReceived(FakeConnection peer, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sessions.received(peer) < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(sessions.received(peer)).isEqualTo(count);
  }

  /** Eth sessions whose first message holds the worker until released. */
  private static final class Worker implements EthMessages {
    final CountDownLatch busy = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch disconnected = new CountDownLatch(1);
    final Map<Bytes, AtomicInteger> received = new ConcurrentHashMap<>();

    @Override
    public void peerConnected(EthPeer peer) {}

    @Override
    public void messageReceived(EthPeer peer, EthMessage message) {
      received.computeIfAbsent(peer.nodeId(), id -> new AtomicInteger()).incrementAndGet();
      busy.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void peerDisconnected(EthPeer peer) {
      disconnected.countDown();
    }

    int received(FakeConnection peer) {
      AtomicInteger n = received.get(peer.nodeId().bytes());
      return n == null ? 0 : n.get();
    }
  }

  private static final class FakeConnection implements PeerConnection {
    private final PublicKey nodeId = KeyPair.generate(new SecureRandom()).publicKey();
    volatile DisconnectReason disconnectedWith;

    @Override
    public PublicKey nodeId() {
      return nodeId;
    }

    @Override
    public HelloMessage remoteHello() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<SharedCapability> sharedCapabilities() {
      return List.of();
    }

    @Override
    public InetSocketAddress remoteAddress() {
      return new InetSocketAddress("127.0.0.1", 30303);
    }

    @Override
    public boolean inbound() {
      return true;
    }

    @Override
    public SendResult send(Capability capability, int code, Bytes payload) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void disconnect(DisconnectReason reason) {
      disconnectedWith = reason;
    }

    @Override
    public boolean isConnected() {
      return disconnectedWith == null;
    }
  }
}
