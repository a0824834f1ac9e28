package org.ailedger.tests.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.consensus.qbft.message.MessageCodes;
import org.ailedger.node.consensus.qbft.message.MessageFactory;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1s;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.rlpx.DisconnectCause;
import org.ailedger.node.p2p.rlpx.PeerConnection;
import org.ailedger.node.p2p.rlpx.PeerListener;
import org.ailedger.node.p2p.rlpx.RlpxConfig;
import org.ailedger.node.p2p.rlpx.RlpxTransport;
import org.ailedger.node.p2p.rlpx.SendResult;
import org.ailedger.node.p2p.wire.Capability;
import org.ailedger.node.p2p.wire.SubProtocol;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.NodeProcess;
import org.ailedger.tests.dsl.QbftNetwork;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Byzantine validator: a harness holding a real validator key (so the node admits it) that speaks
 * our wire protocol and misbehaves at three honest validator processes. Signed messages for far
 * rounds and future heights, flooded, cost the honest nodes nothing but bounded memory and leave
 * the chain going; an oversized frame and bytes that are no QBFT message get the harness
 * disconnected; through it all the honest chains stay one chain.
 */
class ByzantinePeerIT {
  private static final Capability ISTANBUL = SubProtocol.ISTANBUL_100.capability();
  private static final Duration PROGRESS = Duration.ofSeconds(90);

  @TempDir Path dir;
  private QbftNetwork network;
  private List<NodeProcess> honest;
  private final LinkedBlockingQueue<DisconnectCause> dropped = new LinkedBlockingQueue<>();
  private final KeyPair byzantineKey = DevAccounts.validator(3);
  private Vertx vertx;
  private RlpxTransport harness;

  @AfterEach
  void stopAll() throws Exception {
    if (network != null) {
      network.close();
    }
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aByzantinePeerIsBoundedThenDroppedAndTheChainGoesOn() throws Exception {
    // a genesis of four validators; the fourth key is the harness's
    network = QbftNetwork.start("honest", 4, 3, dir, List.of());
    honest = network.validators();
    NodeProcess target = honest.get(0);
    long start = target.awaitBlockAbove(1, PROGRESS);
    PeerConnection peer = connectHarness(target);
    MessageFactory signer = new MessageFactory(byzantineKey, Secp256k1s.best());

    // rounds beyond Besu's cap of 1000, and a flood of future-height messages: all signed by a
    // validator, none punishable, all refused or held within the configured bounds
    for (int i = 0; i < 50; i++) {
      send(
          peer,
          MessageCodes.ROUND_CHANGE,
          signer.roundChange(new RoundId(start + 1, 1001 + i), Optional.empty()).encode());
    }
    for (int i = 0; i < 3_000; i++) {
      long height = start + 2 + (i % 9);
      Bytes32 digest = Bytes32.random();
      send(peer, MessageCodes.PREPARE, signer.prepare(new RoundId(height, i % 7), digest).encode());
    }
    long afterFlood = target.rpc().blockNumber();
    for (NodeProcess node : honest) {
      node.awaitBlockAbove(afterFlood + 3, PROGRESS);
    }
    assertThat(peer.isConnected()).as("signed but useless messages are not punished").isTrue();

    // bytes that are no QBFT message: the node drops the peer
    send(peer, MessageCodes.PREPARE, Bytes.fromHexString("0xc3010203"));
    DisconnectCause cause = dropped.poll(30, TimeUnit.SECONDS);
    assertThat(cause)
        .isInstanceOfSatisfying(
            DisconnectCause.ByPeer.class, byPeer -> assertThat(byPeer.code()).isEqualTo(0x02));

    // an oversized message: the transport drops the peer before decoding it
    PeerConnection again = connectHarness(target);
    send(again, MessageCodes.PROPOSAL, Bytes.wrap(new byte[11 * 1024 * 1024]));
    assertThat(dropped.poll(30, TimeUnit.SECONDS)).isNotNull();

    long now = target.rpc().blockNumber();
    for (NodeProcess node : honest) {
      node.awaitBlockAbove(now + 2, PROGRESS);
    }
    QbftNetwork.assertSameChain(honest, now + 2);
  }

  private PeerConnection connectHarness(NodeProcess target) throws Exception {
    if (vertx == null) {
      vertx = Vertx.vertx();
      harness =
          new RlpxTransport(
              RlpxConfig.defaults()
                  .withListen("127.0.0.1", 0)
                  .withClientId("byzantine/v1")
                  .withMaxMessageSize(16 * 1024 * 1024),
              byzantineKey,
              Secp256k1s.best(),
              new Listener(),
              id -> true,
              new SecureRandom());
      vertx.deployVerticle(harness).await(10, TimeUnit.SECONDS);
    }
    EnodeUrl enode = EnodeUrl.parse(target.enode());
    return Await.until(
        "the harness to connect to " + target.name(),
        Duration.ofSeconds(30),
        () -> {
          try {
            return Optional.of(
                harness
                    .connect(enode.host(), enode.port(), enode.nodeId())
                    .await(10, TimeUnit.SECONDS));
          } catch (Exception e) {
            return Optional.empty();
          }
        });
  }

  private static void send(PeerConnection peer, int code, Bytes data) {
    assertThat(peer.send(ISTANBUL, code, data)).isEqualTo(SendResult.QUEUED);
  }

  private final class Listener implements PeerListener {
    @Override
    public void onConnected(PeerConnection peer) {}

    @Override
    public void onMessage(PeerConnection peer, Capability capability, int code, Bytes payload) {}

    @Override
    public void onDisconnected(PeerConnection peer, DisconnectCause cause) {
      dropped.add(cause);
    }

    @Override
    public void onConnectFailed(InetSocketAddress remote, boolean inbound, DisconnectCause cause) {}
  }
}
