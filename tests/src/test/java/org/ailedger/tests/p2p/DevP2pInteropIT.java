package org.ailedger.tests.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1s;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.p2p.eth.EthMessage.NewPooledTransactionHashes;
import org.ailedger.node.p2p.eth.EthMessageCodec;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.rlpx.DisconnectCause;
import org.ailedger.node.p2p.rlpx.PeerConnectException;
import org.ailedger.node.p2p.rlpx.PeerConnection;
import org.ailedger.node.p2p.rlpx.PeerListener;
import org.ailedger.node.p2p.rlpx.RlpxConfig;
import org.ailedger.node.p2p.rlpx.RlpxTransport;
import org.ailedger.node.p2p.rlpx.handshake.Ephemeral;
import org.ailedger.node.p2p.wire.Capability;
import org.ailedger.node.p2p.wire.DisconnectReason;
import org.ailedger.node.p2p.wire.SharedCapability;
import org.ailedger.node.p2p.wire.SubProtocol;
import org.ailedger.node.tx.Transaction;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.NodeProcess;
import org.ailedger.tests.dsl.NodeScript;
import org.ailedger.tests.dsl.QbftNetwork;
import org.ailedger.tests.dsl.SignedTransactions;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * Our RLPx listener against @ethereumjs/devp2p, an implementation written independently of ours
 * ({@code tests/scripts/devp2p-interop.mjs}), once dialled by it and once dialling it: EIP-8
 * handshake in both roles, Hello exchange with snappy, Ping and Pong, and istanbul/100 messages
 * both ways through each side's capability multiplexer. Then as an eth/68 peer of a validator
 * process that announces a transaction by hash only, as a Besu validator announces most: our node
 * asks for it with GetPooledTransactions, pools it and the validators commit it.
 */
class DevP2pInteropIT {
  private static final Capability ISTANBUL = SubProtocol.ISTANBUL_100.capability();
  private static final String CLIENT_ID = "ailedger-interop/v1";
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A PROPOSAL-shaped istanbul message, [payload, 65-byte signature], from the script. */
  private static final int SCRIPT_CODE = 0x12;

  private static final Bytes SCRIPT_PAYLOAD =
      RLP.encodeList(
          w -> {
            w.writeValue(Bytes.fromHexString("0xc0ffee" + "11".repeat(40)));
            w.writeValue(Bytes.fromHexString("0x" + "22".repeat(65)));
          });

  /** A COMMIT-shaped answer from us. */
  private static final int OUR_CODE = 0x14;

  private static final Bytes OUR_PAYLOAD =
      RLP.encodeList(
          w -> {
            w.writeValue(Bytes.fromHexString("0x" + "33".repeat(96)));
            w.writeValue(Bytes.fromHexString("0x" + "44".repeat(65)));
          });

  private static final Duration PROGRESS = Duration.ofSeconds(90);

  @TempDir Path dir;
  private final LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();
  private QbftNetwork network;
  private Vertx vertx;
  private RlpxTransport transport;
  private KeyPair nodeKey;

  private record Connected(PeerConnection peer) {}

  private record Received(Capability capability, int code, Bytes payload) {}

  private record Disconnected(DisconnectCause cause) {}

  private record Failed(DisconnectCause cause) {}

  @BeforeEach
  void startListener() throws Exception {
    vertx = Vertx.vertx();
    nodeKey = Ephemeral.random(new SecureRandom()).keyPair();
    transport =
        new RlpxTransport(
            RlpxConfig.defaults().withListen("127.0.0.1", 0).withClientId(CLIENT_ID),
            nodeKey,
            Secp256k1s.best(),
            new AnsweringListener(),
            id -> true,
            new SecureRandom());
    vertx.deployVerticle(transport).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopListener() throws Exception {
    if (network != null) {
      network.close();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void ethereumjsAnnouncesATransactionByHashAndOurValidatorsFetchAndCommitIt() throws Exception {
    NodeScript script = NodeScript.named("devp2p-interop.mjs", "@ethereumjs/devp2p");
    // a genesis of four validators, three running; the fourth key is the script's, so it is
    // admitted
    network = QbftNetwork.start("pooled", 4, 3, dir, List.of());
    NodeProcess target = network.validators().get(0);
    target.awaitBlockAbove(1, PROGRESS);
    Credentials sender =
        Credentials.create(DevAccounts.account(6).privateKey().bytes().toHexString());
    Bytes envelope =
        Bytes.fromHexString(
            SignedTransactions.eip1559(
                sender,
                DevAccounts.DEVNET_CHAIN_ID,
                0,
                21_000,
                DevAccounts.account(7).address().toHexString(),
                BigInteger.ONE,
                "0x"));
    Transaction tx = BlockBody.decodeTransaction(RLP.encodeValue(envelope), 0);
    Bytes announcement =
        EthMessageCodec.encode(
            new NewPooledTransactionHashes(
                Bytes.of(2), List.of((long) envelope.size()), List.of(tx.hash())));
    EnodeUrl enode = EnodeUrl.parse(target.enode());

    String output =
        script
            .run(
                Map.of(
                    "DEVP2P_KEY",
                    DevAccounts.validator(3).privateKey().bytes().toUnprefixedHexString()),
                SCRIPT_TIMEOUT,
                "--eth",
                "--port",
                Integer.toString(enode.port()),
                "--node-id",
                enode.nodeId().bytes().toUnprefixedHexString(),
                "--announce",
                announcement.toUnprefixedHexString(),
                "--tx",
                BlockBody.encodeTransaction(tx).toUnprefixedHexString())
            .output();

    List<JsonNode> events = parse(output);
    assertThat(names(events))
        .containsSubsequence("hello", "status", "announced", "request", "answered", "closed");
    assertThat(names(events)).doesNotContain("error");
    assertThat(event(events, "request").get("hashes"))
        .extracting(JsonNode::asText)
        .containsExactly(tx.hash().toUnprefixedHexString());
    String hash = tx.hash().toHexString();
    assertThat(target.rpc().result("eth_getTransactionByHash", hash).path("hash").asText())
        .as("pooled (or already committed) on the node that fetched it")
        .isEqualTo(hash);
    for (NodeProcess validator : network.validators()) {
      Await.until(
          "the fetched transaction to be committed on " + validator.name(),
          PROGRESS,
          () -> QbftNetwork.receipt(validator, hash));
    }
  }

  @Test
  void ethereumjsDialsUsPingsAndExchangesIstanbulMessages() throws Exception {
    NodeScript script = NodeScript.named("devp2p-interop.mjs", "@ethereumjs/devp2p");

    String output =
        script
            .run(
                Map.of(),
                SCRIPT_TIMEOUT,
                "--port",
                Integer.toString(transport.actualPort()),
                "--node-id",
                nodeKey.publicKey().bytes().toUnprefixedHexString(),
                "--code",
                Integer.toString(SCRIPT_CODE),
                "--payload",
                SCRIPT_PAYLOAD.toUnprefixedHexString())
            .output();

    assertScriptSawOurHelloPongAndMessage(parse(output));
    PeerConnection peer = next(Connected.class).peer();
    assertThat(peer.inbound()).isTrue();
    assertWeSawTheScriptsHelloMessageAndDisconnect(peer);
  }

  @Test
  void weDialEthereumjsAndExchangeTheSameMessages() throws Exception {
    NodeScript script = NodeScript.named("devp2p-interop.mjs", "@ethereumjs/devp2p");
    KeyPair scriptKey = Ephemeral.random(new SecureRandom()).keyPair();
    int port = freePort();

    CompletableFuture<NodeScript.Result> run =
        CompletableFuture.supplyAsync(
            () ->
                script.run(
                    Map.of("DEVP2P_KEY", scriptKey.privateKey().bytes().toUnprefixedHexString()),
                    SCRIPT_TIMEOUT,
                    "--listen",
                    "--port",
                    Integer.toString(port),
                    "--code",
                    Integer.toString(SCRIPT_CODE),
                    "--payload",
                    SCRIPT_PAYLOAD.toUnprefixedHexString()));
    PeerConnection dialled =
        Await.until(
            "the script's RLPx listener to accept our dial",
            Duration.ofSeconds(30),
            () -> dialOnce(port, scriptKey));
    String output = run.get(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS).output();

    assertScriptSawOurHelloPongAndMessage(parse(output));
    PeerConnection peer = next(Connected.class).peer();
    assertThat(peer).isSameAs(dialled);
    assertThat(peer.inbound()).isFalse();
    assertWeSawTheScriptsHelloMessageAndDisconnect(peer);
  }

  private void assertScriptSawOurHelloPongAndMessage(List<JsonNode> events) {
    JsonNode hello = event(events, "hello");
    assertThat(hello.get("protocolVersion").asInt()).isEqualTo(5);
    assertThat(hello.get("clientId").asText()).isEqualTo(CLIENT_ID);
    assertThat(hello.get("nodeId").asText())
        .isEqualTo(nodeKey.publicKey().bytes().toUnprefixedHexString());
    assertThat(hello.get("capabilities").toString())
        .isEqualTo("[{\"name\":\"eth\",\"version\":68},{\"name\":\"istanbul\",\"version\":100}]");
    assertThat(names(events)).containsSubsequence("hello", "pong", "sent", "message", "closed");
    JsonNode message = event(events, "message");
    assertThat(message.get("code").asInt()).isEqualTo(OUR_CODE);
    assertThat(message.get("payload").asText()).isEqualTo(OUR_PAYLOAD.toUnprefixedHexString());
    assertThat(names(events)).doesNotContain("error");
  }

  private void assertWeSawTheScriptsHelloMessageAndDisconnect(PeerConnection peer)
      throws InterruptedException {
    assertThat(peer.remoteHello().clientId()).isEqualTo("ethereumjs-interop");
    assertThat(peer.remoteHello().p2pVersion()).isEqualTo(5);
    assertThat(peer.remoteHello().listenPort()).isZero();
    assertThat(peer.sharedCapabilities()).containsExactly(new SharedCapability(ISTANBUL, 0x10, 22));
    assertThat(next(Received.class)).isEqualTo(new Received(ISTANBUL, SCRIPT_CODE, SCRIPT_PAYLOAD));
    assertThat(next(Disconnected.class).cause())
        .isEqualTo(new DisconnectCause.ByPeer(DisconnectReason.CLIENT_QUITTING.code()));
  }

  /** One dial; empty while nothing listens on the port yet. */
  private Optional<PeerConnection> dialOnce(int port, KeyPair remote) {
    try {
      return Optional.of(
          transport.connect("127.0.0.1", port, remote.publicKey()).await(10, TimeUnit.SECONDS));
    } catch (PeerConnectException e) {
      if (e.disconnectCause() instanceof DisconnectCause.ConnectionLost) {
        return Optional.empty();
      }
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("dialling the script failed", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Records what happens and answers the script's istanbul message with one of ours. */
  private final class AnsweringListener implements PeerListener {
    @Override
    public void onConnected(PeerConnection peer) {
      seen.add(new Connected(peer));
    }

    @Override
    public void onMessage(PeerConnection peer, Capability capability, int code, Bytes payload) {
      seen.add(new Received(capability, code, payload));
      peer.send(ISTANBUL, OUR_CODE, OUR_PAYLOAD);
    }

    @Override
    public void onDisconnected(PeerConnection peer, DisconnectCause cause) {
      seen.add(new Disconnected(cause));
    }

    @Override
    public void onConnectFailed(InetSocketAddress remote, boolean inbound, DisconnectCause cause) {
      seen.add(new Failed(cause));
    }
  }

  private <T> T next(Class<T> type) throws InterruptedException {
    Object event = seen.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("next listener event").isInstanceOf(type);
    return type.cast(event);
  }

  private static List<JsonNode> parse(String output) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : output.strip().split("\n")) {
      events.add(JSON.readTree(line));
    }
    return events;
  }

  private static List<String> names(List<JsonNode> events) {
    return events.stream().map(e -> e.get("event").asText()).toList();
  }

  private static JsonNode event(List<JsonNode> events, String name) {
    return events.stream()
        .filter(e -> e.get("event").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the script reported no " + name + ": " + events));
  }
}
