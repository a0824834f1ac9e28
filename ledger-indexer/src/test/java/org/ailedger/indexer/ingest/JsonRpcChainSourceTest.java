package org.ailedger.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.event.RawLog;
import org.ailedger.indexer.store.Block;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JSON-RPC client and its parsing, against a scripted HTTP node. */
class JsonRpcChainSourceTest {
  private static final String HASH_1 = Bytes32.fromHexString("0x01").toHexString();
  private static final String HASH_2 = Bytes32.fromHexString("0x02").toHexString();

  private HttpServer server;
  private final List<Object> requests = new ArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aBatchOfHeadersIsMatchedByIdWhateverTheOrderOfTheAnswers() throws Exception {
    ChainSource chain =
        node(
            request -> {
              JsonArray batch = (JsonArray) request;
              JsonArray answers = new JsonArray();
              // answer in reverse order: ids, not positions, say which is which
              for (int i = batch.size() - 1; i >= 0; i--) {
                JsonObject call = batch.getJsonObject(i);
                long number = Long.decode(call.getJsonArray("params").getString(0));
                answers.add(result(call.getValue("id"), header(number)));
              }
              return answers;
            });

    Map<Long, Block> blocks = chain.blocks(List.of(7L, 3L, 7L));

    assertThat(blocks).containsOnlyKeys(3L, 7L);
    assertThat(blocks.get(7L).timestamp()).isEqualTo(1_000 + 7);
    assertThat((JsonArray) requests.getFirst()).as("duplicates asked once").hasSize(2);
  }

  @Test
  void aMissingBlockAnErrorOrAnswersThatAreNoJsonAreNodeFailures() throws Exception {
    assertThatThrownBy(
            () -> node(request -> new JsonArray().add(result(0, null))).blocks(List.of(9L)))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("no block 9");
    assertThatThrownBy(
            () ->
                node(request ->
                        new JsonObject()
                            .put("jsonrpc", "2.0")
                            .put("id", 1)
                            .put(
                                "error",
                                new JsonObject()
                                    .put("code", -32005)
                                    .put("message", "range too wide")))
                    .logs(1, 9000, List.of()))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("eth_getLogs failed: -32005 range too wide");
    assertThatThrownBy(() -> node(request -> "not json at all").headNumber())
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("no JSON");
    assertThatThrownBy(() -> node(request -> result(1, "12")).headNumber())
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("no hex quantity");
  }

  @Test
  void anUnreachableNodeIsANodeFailure() {
    JsonRpcChainSource chain =
        new JsonRpcChainSource(
            new JsonRpcClient(
                URI.create("http://127.0.0.1:1/"),
                HttpClient.newHttpClient(),
                Duration.ofSeconds(2)));

    assertThatThrownBy(chain::headNumber)
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void logsAreParsedSortedAndRemovedOnesDropped() throws Exception {
    String address = NativeContract.MODEL_REGISTRY.address().hex();
    ChainSource chain =
        node(
            request ->
                result(
                    1,
                    new JsonArray()
                        .add(log(address, 5, 1, HASH_2, false))
                        .add(log(address, 5, 0, HASH_2, false))
                        .add(log(address, 4, 0, HASH_1, true))));

    List<RawLog> logs = chain.logs(4, 5, List.of(NativeContract.MODEL_REGISTRY.address()));

    assertThat(logs).extracting(l -> l.position().eventId()).containsExactly("5:0", "5:1");
    assertThat(logs).extracting(l -> l.position().txIndex()).containsExactly(0, 1);
    assertThat(logs.getFirst().address()).isEqualTo(EthAddress.fromHex(address));
    JsonObject filter = ((JsonObject) requests.getFirst()).getJsonArray("params").getJsonObject(0);
    assertThat(filter.getString("fromBlock")).isEqualTo("0x4");
    assertThat(filter.getString("toBlock")).isEqualTo("0x5");
    assertThat(filter.getJsonArray("address").getList()).containsExactly(address);
  }

  private ChainSource node(Function<Object, Object> answer) throws IOException {
    if (server != null) {
      server.stop(0);
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Object request =
              Json.decodeValue(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          requests.add(request);
          Object reply = answer.apply(request);
          byte[] body =
              (reply instanceof String text ? text : Json.encode(reply))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return new JsonRpcChainSource(
        new JsonRpcClient(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
            HttpClient.newHttpClient(),
            Duration.ofSeconds(5)));
  }

  private static JsonObject result(Object id, Object result) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result);
  }

  private static JsonObject header(long number) {
    return new JsonObject()
        .put("number", "0x" + Long.toHexString(number))
        .put("hash", Bytes32.fromHexString("0x" + Long.toHexString(number + 16)).toHexString())
        .put("parentHash", HASH_1)
        .put("timestamp", "0x" + Long.toHexString(1_000 + number));
  }

  private static JsonObject log(
      String address, long block, int index, String blockHash, boolean removed) {
    return new JsonObject()
        .put("address", address)
        .put("topics", new JsonArray().add(HASH_1))
        .put("data", "0x")
        .put("blockNumber", "0x" + Long.toHexString(block))
        .put("logIndex", "0x" + Integer.toHexString(index))
        .put("blockHash", blockHash)
        .put("transactionHash", HASH_2)
        .put("transactionIndex", "0x" + Integer.toHexString(index))
        .put("removed", removed);
  }
}
