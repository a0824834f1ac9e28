package org.ailedger.node.rpc;

import static org.ailedger.node.rpc.RunningServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON-RPC 2.0 protocol over HTTP: envelopes, batches, errors, limits and CORS. */
@TimeBoxed
class JsonRpcServerIT {
  private static RunningServer rpc;

  @BeforeAll
  @TimeBoxed
  static void start() {
    rpc =
        new RunningServer(
            RpcConfig.builder()
                .maxBatchSize(5)
                .corsAllowedOrigins(List.of("https://explorer.example")));
  }

  @AfterAll
  @TimeBoxed
  static void stop() {
    rpc.close();
  }

  @Test
  void answersACallWithJsonrpcIdAndResult() {
    HttpResponse<String> response =
        rpc.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(parse(response.body()))
        .isEqualTo(parse("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x539\"}"));
  }

  @Test
  void echoesIdsExactlyAsSent() {
    for (String id :
        List.of("\"abc\"", "null", "0", "-3", "18446744073709551617", "1.50", "\"\"")) {
      HttpResponse<String> response =
          rpc.post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"net_version\"}");

      assertThat(response.body()).as("id %s", id).contains("\"id\":" + id + ",");
    }
  }

  @Test
  void callWithoutParamsMemberIsAccepted() {
    JsonNode response =
        parse(rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}").body());

    assertThat(response.get("result").asText()).isEqualTo("0x4");
  }

  @Test
  void batchIsAnsweredElementByElementInOrderWithoutNotifications() {
    String batch =
        """
        [
          {"jsonrpc":"2.0","id":"a","method":"eth_blockNumber"},
          {"jsonrpc":"2.0","method":"eth_chainId"},
          {"jsonrpc":"2.0","id":"b","method":"eth_nope"},
          42,
          {"jsonrpc":"2.0","id":"c","method":"eth_getBalance","params":["0x12"]}
        ]\
        """;

    JsonNode answers = parse(rpc.post(batch).body());

    assertThat(answers).hasSize(4);
    assertThat(answers.get(0).get("id").asText()).isEqualTo("a");
    assertThat(answers.get(0).get("result").asText()).isEqualTo("0x4");
    assertThat(answers.get(1).get("id").asText()).isEqualTo("b");
    assertThat(answers.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
    assertThat(answers.get(2).get("id").isNull()).isTrue();
    assertThat(answers.get(2).get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(answers.get(3).get("id").asText()).isEqualTo("c");
    assertThat(answers.get(3).get("error").get("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void batchOfNotificationsOnlyGetsNoContent() {
    HttpResponse<String> response =
        rpc.post(
            """
            [{"jsonrpc":"2.0","method":"eth_chainId"},{"jsonrpc":"2.0","method":"eth_nope"}]\
            """);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void notificationGetsNoContentEvenWhenItFails() {
    HttpResponse<String> response =
        rpc.post("{\"jsonrpc\":\"2.0\",\"method\":\"eth_getBalance\",\"params\":[\"0xzz\"]}");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void unparseableJsonIsAParseErrorWithNullId() {
    JsonNode response = parse(rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":").body());

    assertThat(response.get("id").isNull()).isTrue();
    assertThat(response.get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(response.get("error").get("message").asText()).startsWith("parse error: ");
  }

  @Test
  void trailingGarbageAfterTheRequestIsAParseError() {
    JsonNode response =
        parse(rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"} x").body());

    assertThat(response.get("error").get("code").asInt()).isEqualTo(-32700);
  }

  @Test
  void requestsThatAreNotValidRequestObjectsAreInvalidRequests() {
    assertInvalidRequest("\"eth_chainId\"", "a request must be a JSON object");
    assertInvalidRequest("{\"id\":1,\"method\":\"eth_chainId\"}", "jsonrpc must be \"2.0\"");
    assertInvalidRequest(
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"eth_chainId\"}", "jsonrpc must be \"2.0\"");
    assertInvalidRequest("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}", "method must be a string");
    assertInvalidRequest("{\"jsonrpc\":\"2.0\",\"id\":1}", "method must be a string");
    assertInvalidRequest(
        "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"eth_chainId\"}", "id must be");
    assertInvalidRequest(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":3}",
        "params must be an array or an object");
    assertInvalidRequest("[]", "empty batch");
    assertInvalidRequest("[1,2,3,4,5,6]", "batch of 6 requests exceeds the limit of 5");
  }

  @Test
  void invalidRequestKeepsAUsableId() {
    JsonNode response =
        parse(rpc.post("{\"jsonrpc\":\"1.0\",\"id\":\"x\",\"method\":\"eth_chainId\"}").body());

    assertThat(response.get("id").asText()).isEqualTo("x");
  }

  @Test
  void unknownMethodIsNamedInTheError() {
    JsonNode error = rpc.error("eth_mine");

    assertThat(error.get("code").asInt()).isEqualTo(-32601);
    assertThat(error.get("message").asText())
        .isEqualTo("the method eth_mine does not exist/is not available");
  }

  @Test
  void invalidParamsNameTheParamAndTheReason() {
    JsonNode error = rpc.error("eth_getBalance", "0x" + "ab".repeat(20), "0x01");

    assertThat(error.get("code").asInt()).isEqualTo(-32602);
    assertThat(error.get("message").asText())
        .isEqualTo("invalid argument 1 (block): hex number \"0x01\" has leading zero digits");
  }

  @Test
  void namedParamsAreRefusedAsInvalidParams() {
    JsonNode response =
        parse(
            rpc.post(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":{\"address\":\"0x00\"}}")
                .body());

    assertThat(response.get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(response.get("error").get("message").asText()).contains("positional");
  }

  @Test
  void backendFailureIsAnInternalErrorWithoutDetails() {
    rpc.fake.stateFailure = new IllegalStateException("rocksdb exploded at /var/data");
    try {
      JsonNode error = rpc.error("eth_getBalance", FakeBackend.ALICE.toHexString(), "latest");

      assertThat(error.get("code").asInt()).isEqualTo(-32603);
      assertThat(error.get("message").asText()).isEqualTo("internal error");
      assertThat(error.has("data")).isFalse();
    } finally {
      rpc.fake.stateFailure = null;
    }
  }

  @Test
  void fiveMegabyteBodyIsRefusedWithAJsonRpcErrorAndTheServerKeepsServing() {
    String padding = "x".repeat(5_000_000);
    HttpResponse<String> response =
        rpc.post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\""
                + padding
                + "\"]}");

    assertThat(response.statusCode()).isEqualTo(413);
    JsonNode error = parse(response.body());
    assertThat(error.get("id").isNull()).isTrue();
    assertThat(error.get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(error.get("error").get("message").asText())
        .isEqualTo("request body exceeds 4194304 bytes");
    assertThat(rpc.result("eth_chainId").asText()).isEqualTo("0x539");
  }

  @Test
  void corsPreflightFromAnAllowedOriginIsGranted() {
    HttpResponse<String> response =
        rpc.send(
            HttpRequest.newBuilder(rpc.httpUri())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://explorer.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());

    assertThat(response.statusCode()).isBetween(200, 204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://explorer.example");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
        .contains("POST");
    assertThat(
            response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("content-type");
  }

  @Test
  void corsPreflightFromAnotherOriginIsRefused() {
    HttpResponse<String> response =
        rpc.send(
            HttpRequest.newBuilder(rpc.httpUri())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .build());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void subscribingOverHttpIsRefused() {
    JsonNode error = rpc.error("eth_subscribe", "newHeads");

    assertThat(error.get("code").asInt()).isEqualTo(-32601);
    assertThat(error.get("message").asText()).startsWith("notifications not supported");
  }

  private static void assertInvalidRequest(String body, String reason) {
    JsonNode response = parse(rpc.post(body).body());
    assertThat(response.isObject()).as(body).isTrue();
    assertThat(response.get("error").get("code").asInt()).as(body).isEqualTo(-32600);
    assertThat(response.get("error").get("message").asText()).as(body).contains(reason);
  }
}
