package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonRpcClientTest {
  private HttpServer server;
  private final AtomicReference<String> requestBody = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String answer = "";
  private JsonRpcClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requestBody.set(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          if (body.length > 0) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
    client =
        new JsonRpcClient(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
            Duration.ofSeconds(5));
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void aSingleCallIsAPlainRequestAndItsResultComesBack() {
    answer = "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x539\"}";

    RpcOutcome outcome = client.call("eth_chainId");

    assertThat(requestBody.get())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"eth_chainId\",\"params\":[]}");
    assertThat(outcome).isInstanceOf(RpcOutcome.Success.class);
    assertThat(((RpcOutcome.Success) outcome).result().asText()).isEqualTo("0x539");
  }

  @Test
  void batchAnswersAreMatchedByIdWhateverTheirOrder() {
    answer =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"nonce too low:"
            + " x\"}},{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0xaa\"}]";

    List<RpcOutcome> outcomes =
        client.batch(
            List.of(
                new JsonRpcClient.Call("eth_sendRawTransaction", List.of("0x01")),
                new JsonRpcClient.Call("eth_sendRawTransaction", List.of("0x02"))));

    assertThat(requestBody.get()).startsWith("[").contains("\"0x01\"").contains("\"0x02\"");
    assertThat(outcomes.get(0)).isInstanceOf(RpcOutcome.Success.class);
    assertThat(outcomes.get(1)).isEqualTo(new RpcOutcome.Failure(-32000, "nonce too low: x"));
  }

  @Test
  void aWholeRequestErrorAnswersEveryCallInTheBatch() {
    answer =
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32005,\"message\":\"limit"
            + " exceeded\"}}";

    List<RpcOutcome> outcomes =
        client.batch(
            List.of(
                new JsonRpcClient.Call("eth_blockNumber", List.of()),
                new JsonRpcClient.Call("eth_blockNumber", List.of())));

    assertThat(outcomes)
        .containsExactly(
            new RpcOutcome.Failure(-32005, "limit exceeded"),
            new RpcOutcome.Failure(-32005, "limit exceeded"));
  }

  @Test
  void anHttpErrorStatusMakesTheNodeUnreachable() {
    status = 503;
    answer = "busy";

    assertThat(client.call("eth_blockNumber"))
        .isEqualTo(new RpcOutcome.Unreachable("HTTP status 503"));
  }

  @Test
  void aMissingAnswerInABatchIsReported() {
    answer = "[{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x1\"}]";

    List<RpcOutcome> outcomes =
        client.batch(
            List.of(
                new JsonRpcClient.Call("eth_blockNumber", List.of()),
                new JsonRpcClient.Call("eth_blockNumber", List.of())));

    assertThat(outcomes.get(1)).isInstanceOf(RpcOutcome.Unreachable.class);
  }
}
