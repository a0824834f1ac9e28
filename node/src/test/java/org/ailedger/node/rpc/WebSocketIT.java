package org.ailedger.node.rpc;

import static org.ailedger.node.rpc.FakeBackend.MODEL_REGISTRY;
import static org.ailedger.node.rpc.FakeBackend.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.ailedger.node.block.Block;
import org.ailedger.node.rpc.json.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JSON-RPC over WebSocket: the same methods, plus subscriptions fed by chain events. */
@TimeBoxed
class WebSocketIT {
  private RunningServer rpc;
  private TestSocket socket;

  @BeforeEach
  @TimeBoxed
  void start() {
    rpc =
        new RunningServer(
            new FakeBackend(),
            RpcConfig.builder()
                .maxSubscriptionsPerConnection(3)
                .corsAllowedOrigins(List.of("https://explorer.example")),
            Clock.systemUTC());
    socket = new TestSocket(rpc.http, rpc.wsUri());
  }

  @AfterEach
  @TimeBoxed
  void stop() {
    // a handshake that failed in start() leaves no socket, but the server must still go
    if (socket != null) {
      socket.close();
    }
    rpc.close();
  }

  @Test
  void answersTheSameMethodsAsHttp() {
    assertThat(socket.call("eth_chainId").get("result").asText()).isEqualTo("0x539");
    assertThat(
            socket
                .call("eth_getBalance", FakeBackend.ALICE.toHexString(), "0x1")
                .get("result")
                .asText())
        .isEqualTo("0xbb8");
  }

  @Test
  void answersBatchesAndErrors() {
    socket.sendText(
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_blockNumber\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]");
    JsonNode answers = socket.next();
    assertThat(answers).hasSize(2);
    assertThat(answers.get(0).get("result").asText()).isEqualTo("0x4");
    assertThat(answers.get(1).get("error").get("code").asInt()).isEqualTo(-32601);

    socket.sendText("{oops");
    assertThat(socket.next().get("error").get("code").asInt()).isEqualTo(-32700);
  }

  @Test
  void newHeadsSubscriptionReceivesEachNewHeader() {
    String id = socket.call("eth_subscribe", "newHeads").get("result").asText();

    Block added = rpc.fake.appendBlock(TOKEN);

    JsonNode notification = socket.next();
    assertThat(notification.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(notification.get("method").asText()).isEqualTo("eth_subscription");
    assertThat(notification.has("id")).isFalse();
    assertThat(notification.get("params").get("subscription").asText()).isEqualTo(id);
    JsonNode header = notification.get("params").get("result");
    assertThat(header.get("number").asText()).isEqualTo("0x5");
    assertThat(header.get("hash").asText()).isEqualTo(Hex.data(added.header().hash()));
    assertThat(header.get("parentHash").asText())
        .isEqualTo(Hex.data(rpc.fake.chain.blockAt(4).header().hash()));
    assertThat(header.has("transactions")).isFalse();
  }

  @Test
  void logsSubscriptionReceivesOneNotificationPerMatchingLog() {
    String id =
        socket
            .call("eth_subscribe", "logs", Map.of("address", TOKEN.toHexString()))
            .get("result")
            .asText();

    Block added = rpc.fake.appendBlock(MODEL_REGISTRY, TOKEN, TOKEN);

    for (int logIndex = 1; logIndex <= 2; logIndex++) {
      JsonNode params = socket.next().get("params");
      assertThat(params.get("subscription").asText()).isEqualTo(id);
      JsonNode log = params.get("result");
      assertThat(log.get("address").asText()).isEqualTo(TOKEN.toHexString());
      assertThat(log.get("logIndex").asText()).isEqualTo(Hex.quantity(logIndex));
      assertThat(log.get("transactionHash").asText())
          .isEqualTo(Hex.data(added.transactions().get(logIndex).hash()));
      assertThat(log.get("blockNumber").asText()).isEqualTo("0x5");
    }
    assertThat(socket.call("eth_blockNumber").get("result").asText())
        .as("nothing else was sent")
        .isEqualTo("0x5");
  }

  @Test
  void unsubscribedSubscriptionGetsNothingMore() {
    String cancelled = socket.call("eth_subscribe", "newHeads").get("result").asText();
    String kept = socket.call("eth_subscribe", "newHeads").get("result").asText();

    assertThat(socket.call("eth_unsubscribe", cancelled).get("result").asBoolean()).isTrue();
    rpc.fake.appendBlock();

    assertThat(socket.next().get("params").get("subscription").asText()).isEqualTo(kept);
    assertThat(socket.call("eth_unsubscribe", cancelled).get("error").get("message").asText())
        .isEqualTo("subscription not found");
  }

  @Test
  void subscriptionsPerConnectionAreBounded() {
    for (int i = 0; i < 3; i++) {
      socket.call("eth_subscribe", "newHeads");
    }

    JsonNode error = socket.call("eth_subscribe", "logs").get("error");

    assertThat(error.get("code").asInt()).isEqualTo(-32005);
    assertThat(error.get("message").asText())
        .isEqualTo("too many subscriptions on this connection: the limit is 3");
  }

  @Test
  void unsupportedSubscriptionTypeIsInvalidParams() {
    JsonNode error = socket.call("eth_subscribe", "newPendingTransactions").get("error");

    assertThat(error.get("code").asInt()).isEqualTo(-32602);
    assertThat(error.get("message").asText())
        .contains("unsupported subscription type \"newPendingTransactions\"");
  }

  @Test
  void subscriptionsOfAClosedConnectionDoNotDisturbOthers() {
    socket.call("eth_subscribe", "newHeads");
    socket.closeAndWait();
    TestSocket other = new TestSocket(rpc.http, rpc.wsUri());
    try {
      String id = other.call("eth_subscribe", "newHeads").get("result").asText();

      rpc.fake.appendBlock();

      assertThat(other.next().get("params").get("subscription").asText()).isEqualTo(id);
    } finally {
      other.close();
    }
  }

  @Test
  void browserFromAnOriginNotAllowedIsRefused() {
    assertThatThrownBy(
            () ->
                TestSocket.within(
                    rpc.http
                        .newWebSocketBuilder()
                        .header("Origin", "https://evil.example")
                        .buildAsync(rpc.wsUri(), new TestSocketListener()),
                    "no answer to a handshake from a refused origin"))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
    TestSocket allowed = new TestSocket(rpc.http, rpc.wsUri(), "https://explorer.example");
    try {
      assertThat(allowed.call("eth_chainId").get("result").asText()).isEqualTo("0x539");
    } finally {
      allowed.close();
    }
  }

  @Test
  void plainHttpOnTheWebSocketPortIsToldToUpgrade() {
    int status =
        rpc.send(
                HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + rpc.server.wsPort() + "/"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build())
            .statusCode();

    assertThat(status).isEqualTo(426);
  }

  @Test
  void oversizedMessageGetsTheBodyLimitErrorAndTheConnectionStaysUsable() {
    String id = socket.call("eth_subscribe", "newHeads").get("result").asText();

    socket.sendText(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\""
            + "x".repeat(5_000_000)
            + "\"]}");

    JsonNode error = socket.next();
    assertThat(error.get("id").isNull()).isTrue();
    assertThat(error.get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(error.get("error").get("message").asText())
        .isEqualTo("request body exceeds 4194304 bytes");
    assertThat(socket.call("eth_chainId").get("result").asText()).isEqualTo("0x539");
    rpc.fake.appendBlock();
    assertThat(socket.next().get("params").get("subscription").asText()).isEqualTo(id);
  }

  /** A listener for handshakes expected to fail. */
  private static final class TestSocketListener implements java.net.http.WebSocket.Listener {}
}
