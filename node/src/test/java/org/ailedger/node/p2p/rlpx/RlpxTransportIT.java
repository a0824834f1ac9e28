package org.ailedger.node.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.p2p.rlpx.framing.MessageRead;
import org.ailedger.node.p2p.rlpx.handshake.Eip8Vectors;
import org.ailedger.node.p2p.wire.Capability;
import org.ailedger.node.p2p.wire.DisconnectMessage;
import org.ailedger.node.p2p.wire.DisconnectReason;
import org.ailedger.node.p2p.wire.SharedCapability;
import org.ailedger.node.p2p.wire.SubProtocol;
import org.ailedger.node.p2p.wire.WireCodes;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our RLPx transport over real localhost sockets: against itself and against a rogue peer. */
class RlpxTransportIT {
  private static final Capability ETH = SubProtocol.ETH_68.capability();
  private static final Capability ISTANBUL = SubProtocol.ISTANBUL_100.capability();
  private static final RlpxConfig CONFIG =
      RlpxConfig.defaults()
          .withListen("127.0.0.1", 0)
          .withTimings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200));

  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() throws Exception {
    await(vertx.close());
  }

  @Test
  void twoNodesHandshakeExchangeHellosAndMessagesWithOffsets() throws Exception {
    Node a = start(CONFIG.withClientId("node-a"));
    Node b = start(CONFIG.withClientId("node-b"));

    PeerConnection toB = await(a.transport.connect("127.0.0.1", b.port(), b.id()));
    PeerConnection toA = b.listener.next(RecordingListener.Connected.class).peer();

    assertThat(a.listener.next(RecordingListener.Connected.class).peer()).isSameAs(toB);
    assertThat(toB.nodeId()).isEqualTo(b.id());
    assertThat(toA.nodeId()).isEqualTo(a.id());
    assertThat(toA.inbound()).isTrue();
    assertThat(toA.remoteHello().clientId()).isEqualTo("node-a");
    assertThat(toB.remoteHello().clientId()).isEqualTo("node-b");
    assertThat(toB.remoteHello().p2pVersion()).isEqualTo(5);
    assertThat(toB.sharedCapabilities())
        .containsExactly(
            new SharedCapability(ETH, 0x10, 17), new SharedCapability(ISTANBUL, 0x21, 22));

    Bytes commit = Bytes.fromHexString("0xf84a" + "ab".repeat(74));
    assertThat(toB.send(ISTANBUL, 0x14, commit)).isEqualTo(SendResult.QUEUED);
    RecordingListener.Message atB = b.listener.next(RecordingListener.Message.class);
    assertThat(atB.capability()).isEqualTo(ISTANBUL);
    assertThat(atB.code()).isEqualTo(0x14);
    assertThat(atB.payload()).isEqualTo(commit);

    Bytes status = Bytes.wrap(new byte[5000]);
    assertThat(toA.send(ETH, 0x00, status)).isEqualTo(SendResult.QUEUED);
    RecordingListener.Message atA = a.listener.next(RecordingListener.Message.class);
    assertThat(atA.capability()).isEqualTo(ETH);
    assertThat(atA.code()).isZero();
    assertThat(atA.payload()).isEqualTo(status);
  }

  @Test
  void capabilityThePeerDoesNotShareIsNotSent() throws Exception {
    Node a = start(CONFIG);
    Node b = start(CONFIG.withSubProtocols(List.of(SubProtocol.ISTANBUL_100)));

    PeerConnection toB = await(a.transport.connect("127.0.0.1", b.port(), b.id()));

    assertThat(toB.sharedCapabilities()).containsExactly(new SharedCapability(ISTANBUL, 0x10, 22));
    assertThat(toB.send(ETH, 0, Bytes.EMPTY)).isEqualTo(SendResult.NOT_SHARED);
  }

  @Test
  void disconnectReasonReachesThePeer() throws Exception {
    Node a = start(CONFIG);
    Node b = start(CONFIG);
    PeerConnection toB = await(a.transport.connect("127.0.0.1", b.port(), b.id()));
    b.listener.next(RecordingListener.Connected.class);

    toB.disconnect(DisconnectReason.SUBPROTOCOL_TRIGGERED);

    DisconnectCause atB = b.listener.next(RecordingListener.Disconnected.class).cause();
    assertThat(atB).isEqualTo(new DisconnectCause.ByPeer(0x10));
    a.listener.next(RecordingListener.Connected.class);
    assertThat(a.listener.next(RecordingListener.Disconnected.class).cause())
        .isEqualTo(
            new DisconnectCause.ByUs(
                LocalReason.REQUESTED, Optional.of(DisconnectReason.SUBPROTOCOL_TRIGGERED)));
    assertThat(a.transport.peers()).isEmpty();
  }

  @Test
  void pingIsAnsweredWithPongAndIdlePeerIsPinged() throws Exception {
    Node a =
        start(
            CONFIG.withTimings(
                Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofMillis(200)));
    try (TestPeer peer = TestPeer.handshaken(a.port(), a.id())) {
      peer.exchangeHellos(List.of(ISTANBUL));
      a.listener.next(RecordingListener.Connected.class);

      peer.sendMessage(WireCodes.PING, WireCodes.EMPTY_LIST);
      assertThat(nextAnsweringPings(peer)).isEqualTo(WireCodes.PONG);

      // idle now: the transport pings, we answer, and after the next idle interval it pings again
      assertThat(peer.readMessage().code()).isEqualTo(WireCodes.PING);
      peer.sendMessage(WireCodes.PONG, WireCodes.EMPTY_LIST);
      assertThat(peer.readMessage().code()).isEqualTo(WireCodes.PING);
      assertThat(a.transport.peers()).hasSize(1);
    }
  }

  @Test
  void peerThatStopsAnsweringPingsTimesOut() throws Exception {
    Node a =
        start(
            CONFIG.withTimings(
                Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofMillis(100)));
    try (TestPeer peer = TestPeer.handshaken(a.port(), a.id())) {
      peer.exchangeHellos(List.of(ISTANBUL));
      a.listener.next(RecordingListener.Connected.class);

      assertThat(peer.readMessage().code()).isEqualTo(WireCodes.PING);

      assertThat(a.listener.next(RecordingListener.Disconnected.class).cause())
          .isEqualTo(
              new DisconnectCause.ByUs(
                  LocalReason.PING_TIMEOUT, Optional.of(DisconnectReason.TIMEOUT)));
      assertThat(disconnectReasonSentTo(peer)).contains(DisconnectReason.TIMEOUT);
    }
  }

  @Test
  void badFrameMacIsABreachOfProtocol() throws Exception {
    Node a = start(CONFIG);
    try (TestPeer peer = TestPeer.handshaken(a.port(), a.id())) {
      peer.exchangeHellos(List.of(ISTANBUL));
      a.listener.next(RecordingListener.Connected.class);

      peer.sendFrameWithBadMac(Bytes.fromHexString("0x02c0"));

      assertThat(a.listener.next(RecordingListener.Disconnected.class).cause())
          .isEqualTo(breach(LocalReason.BAD_MAC));
      assertThat(disconnectReasonSentTo(peer)).contains(DisconnectReason.BREACH_OF_PROTOCOL);
    }
  }

  @Test
  void frameAboveTheSizeCapIsRefused() throws Exception {
    Node a = start(CONFIG.withMaxMessageSize(1024));
    try (TestPeer peer = TestPeer.handshaken(a.port(), a.id())) {
      peer.exchangeHellos(List.of(ISTANBUL));
      a.listener.next(RecordingListener.Connected.class);

      peer.sendFrame(Bytes.concatenate(Bytes.of(0x10), Bytes.wrap(new byte[4000])));

      assertThat(a.listener.next(RecordingListener.Disconnected.class).cause())
          .isEqualTo(breach(LocalReason.OVERSIZED_FRAME));
    }
  }

  @Test
  void payloadThatIsNotSnappyIsRefused() throws Exception {
    Node a = start(CONFIG);
    try (TestPeer peer = TestPeer.handshaken(a.port(), a.id())) {
      peer.exchangeHellos(List.of(ISTANBUL));
      a.listener.next(RecordingListener.Connected.class);

      peer.sendFrame(Bytes.fromHexString("0x1005ffffffffffffff"));

      assertThat(a.listener.next(RecordingListener.Disconnected.class).cause())
          .isEqualTo(breach(LocalReason.BAD_SNAPPY));
    }
  }

  @Test
  void codeNoSharedCapabilityOwnsIsRefused() throws Exception {
    Node a = start(CONFIG);
    try (TestPeer peer = TestPeer.handshaken(a.port(), a.id())) {
      peer.exchangeHellos(List.of(ISTANBUL));
      a.listener.next(RecordingListener.Connected.class);

      peer.sendMessage(0x10 + 22, Bytes.fromHexString("0xc0"));

      assertThat(a.listener.next(RecordingListener.Disconnected.class).cause())
          .isEqualTo(breach(LocalReason.UNKNOWN_MESSAGE_CODE));
    }
  }

  @Test
  void messageBeforeHelloIsRefused() throws Exception {
    Node a = start(CONFIG);
    try (TestPeer peer = TestPeer.handshaken(a.port(), a.id())) {
      peer.sendMessage(WireCodes.PING, WireCodes.EMPTY_LIST);

      assertThat(a.listener.next(RecordingListener.ConnectFailed.class).cause())
          .isEqualTo(breach(LocalReason.MESSAGE_BEFORE_HELLO));
      assertThat(a.listener.isQuiet()).isTrue();
    }
  }

  @Test
  void garbageInsteadOfAuthEndsTheConnection() throws Exception {
    Node a = start(CONFIG);
    try (TestPeer peer = TestPeer.raw(a.port())) {
      byte[] garbage = new byte[600];
      new SecureRandom().nextBytes(garbage);
      garbage[0] = 0x01;
      garbage[1] = 0x00;
      peer.write(Bytes.wrap(garbage));

      RecordingListener.ConnectFailed failed =
          a.listener.next(RecordingListener.ConnectFailed.class);
      assertThat(failed.inbound()).isTrue();
      assertThat(failed.cause())
          .isEqualTo(new DisconnectCause.ByUs(LocalReason.BAD_HANDSHAKE, Optional.empty()));
      assertThat(peer.closedByRemote()).isTrue();
    }
  }

  @Test
  void inboundHandshakeThatNeverCompletesTimesOut() throws Exception {
    Node a =
        start(
            CONFIG.withTimings(
                Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(100)));
    try (TestPeer silent = TestPeer.raw(a.port())) {
      assertThat(a.listener.next(RecordingListener.ConnectFailed.class).cause())
          .isEqualTo(new DisconnectCause.ByUs(LocalReason.HANDSHAKE_TIMEOUT, Optional.empty()));
      assertThat(silent.closedByRemote()).isTrue();
    }
  }

  @Test
  void dialToAPeerThatNeverAnswersTimesOut() throws Exception {
    Node a =
        start(
            CONFIG.withTimings(
                Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(100)));
    // the kernel completes TCP connects into the backlog; nobody ever answers the auth
    try (ServerSocket silent = new ServerSocket(0)) {
      Future<PeerConnection> dial =
          a.transport.connect("127.0.0.1", silent.getLocalPort(), TestPeer.randomKey().publicKey());

      Throwable failure = awaitFailure(dial);

      assertThat(failure).isInstanceOf(PeerConnectException.class);
      assertThat(((PeerConnectException) failure).disconnectCause())
          .isEqualTo(new DisconnectCause.ByUs(LocalReason.HANDSHAKE_TIMEOUT, Optional.empty()));
    }
  }

  @Test
  void peerRefusedByAdmissionIsDisconnectedRightAfterTheHandshake() throws Exception {
    Node a = start(CONFIG);
    Node b = start(CONFIG, id -> false);

    Throwable failure = awaitFailure(a.transport.connect("127.0.0.1", b.port(), b.id()));

    assertThat(((PeerConnectException) failure).disconnectCause())
        .isEqualTo(new DisconnectCause.ByPeer(DisconnectReason.USELESS_PEER.code()));
    assertThat(b.listener.next(RecordingListener.ConnectFailed.class).cause())
        .isEqualTo(
            new DisconnectCause.ByUs(
                LocalReason.NOT_ADMITTED, Optional.of(DisconnectReason.USELESS_PEER)));
    assertThat(b.transport.peers()).isEmpty();
  }

  @Test
  void peerBeyondMaxPeersIsToldTooManyPeers() throws Exception {
    Node full = start(CONFIG.withMaxPeers(1));
    Node first = start(CONFIG);
    Node second = start(CONFIG);
    await(first.transport.connect("127.0.0.1", full.port(), full.id()));
    full.listener.next(RecordingListener.Connected.class);

    Throwable failure = awaitFailure(second.transport.connect("127.0.0.1", full.port(), full.id()));

    assertThat(((PeerConnectException) failure).disconnectCause())
        .isEqualTo(new DisconnectCause.ByPeer(DisconnectReason.TOO_MANY_PEERS.code()));
    assertThat(full.transport.peers())
        .extracting(PeerConnection::nodeId)
        .containsExactly(first.id());
  }

  @Test
  void dialsToOurselfOrToAConnectedPeerAreNotMade() throws Exception {
    Node a = start(CONFIG);
    Node b = start(CONFIG);
    await(a.transport.connect("127.0.0.1", b.port(), b.id()));

    Throwable self = awaitFailure(a.transport.connect("127.0.0.1", a.port(), a.id()));
    Throwable again = awaitFailure(a.transport.connect("127.0.0.1", b.port(), b.id()));

    assertThat(((PeerConnectException) self).disconnectCause())
        .isEqualTo(new DisconnectCause.ByUs(LocalReason.SAME_IDENTITY, Optional.empty()));
    assertThat(((PeerConnectException) again).disconnectCause())
        .isEqualTo(new DisconnectCause.ByUs(LocalReason.ALREADY_CONNECTED, Optional.empty()));
    assertThat(a.transport.peers()).hasSize(1);
  }

  @Test
  void preEip8AuthIsAnsweredWithAPreEip8AckAndOurHello() throws Exception {
    KeyPair b = KeyPair.of(PrivateKey.fromHex(Eip8Vectors.STATIC_KEY_B));
    Node node = start(CONFIG, b, id -> true);
    try (TestPeer peer = TestPeer.raw(node.port())) {
      peer.write(Eip8Vectors.AUTH_1);

      Bytes reply = peer.readAtLeast(210 + 32);

      // the pre-EIP-8 ack is 210 bytes and starts with its ECIES point's 0x04; a frame follows
      assertThat(reply.get(0)).isEqualTo((byte) 4);
      assertThat(reply.size()).isGreaterThan(210);
    }
  }

  /** The code of the next message that is not a Ping; Pings on the way are answered. */
  private static int nextAnsweringPings(TestPeer peer) throws IOException {
    int code = peer.readMessage().code();
    while (code == WireCodes.PING) {
      peer.sendMessage(WireCodes.PONG, WireCodes.EMPTY_LIST);
      code = peer.readMessage().code();
    }
    return code;
  }

  private static DisconnectCause breach(LocalReason why) {
    return new DisconnectCause.ByUs(why, Optional.of(DisconnectReason.BREACH_OF_PROTOCOL));
  }

  private static Optional<DisconnectReason> disconnectReasonSentTo(TestPeer peer)
      throws IOException {
    MessageRead.Message message = peer.readMessage();
    while (message.code() != WireCodes.DISCONNECT) {
      message = peer.readMessage();
    }
    return DisconnectMessage.decode(message.payload()).reason();
  }

  private record Node(RlpxTransport transport, RecordingListener listener, KeyPair key) {
    int port() {
      return transport.actualPort();
    }

    PublicKey id() {
      return key.publicKey();
    }
  }

  private Node start(RlpxConfig config) throws Exception {
    return start(config, id -> true);
  }

  private Node start(RlpxConfig config, Predicate<PublicKey> admission) throws Exception {
    return start(config, TestPeer.randomKey(), admission);
  }

  private Node start(RlpxConfig config, KeyPair key, Predicate<PublicKey> admission)
      throws Exception {
    RecordingListener listener = new RecordingListener();
    RlpxTransport transport =
        new RlpxTransport(
            config, key, new BouncyCastleSecp256k1(), listener, admission, new SecureRandom());
    await(vertx.deployVerticle(transport));
    return new Node(transport, listener, key);
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static Throwable awaitFailure(Future<?> future) throws Exception {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("the future neither failed nor completed within 10 s", e);
    }
    throw new AssertionError("expected a failure, but the future completed");
  }
}
